export { MEASURES, TIMEPOINT_LABELS, measureExpression, type Measure, type Timepoint } from './outcomes';
export { filterWhere, NO_FILTER, type OutcomeFilter, type SqlFragment } from './filter';
export {
	COURSE_COHORT_SQL, COURSE_END_LABELS, COURSE_END_NOTES, HAS_COURSE_SQL, courseEndpointsSql, courseRowsSql, coursesSql,
	type CourseEnd, type CourseWindow
} from './course';
export { improvementSql, withinSessionChangeSql, withinSessionClientsSql, withinSessionSummarySql, type WithinSessionGroup, type WithinSessionSummary } from './withinSession';
export {
	canRespond, canRespondSql, countResponders, isPointsResponder, isReliablyImproved, isShareResponder, responderCountsSql,
	type CourseChange, type CourseThresholds, type ResponderCounts
} from './responder';
export { courseRules, type CourseRules } from './responderRules';
export { exceeds, reaches, thresholdTolerance, TOLERANCE_SHARE_OF_RESOLUTION } from './tolerance';
export { percentOfNormalSql } from './romPercent';
export { CLIENTS_SQL, SESSIONS_SQL } from './counts';
export {
	COHORT_DEFINITIONS, MEASURE_DEFINITIONS, glossaryEntry,
	type CohortDefinition, type GlossaryEntry, type MeasureDefinition, type Weighting
} from './catalogue';
export { EXPECTED_COURSE, ON_TRACK_MEASURE_KEYS, expectedCourseSql, expectedScoreSql, expectedSdSql, type OnTrackMeasureKey } from './expectedCourse';
