import type { Connector } from '$lib/db';
import type { CellSums } from '$lib/stats/ancova';
import { CELL_SUMS_SQL } from './cellSums';
import {
	coursesSql,
	responderCountsSql,
	withinSessionSummarySql,
	type CourseEnd,
	type CourseThresholds,
	type Measure,
	type OutcomeFilter,
	type ResponderCounts,
	type WithinSessionSummary
} from '$lib/measures';

/** One course technique's across-course numbers, before suppression. */
export interface TechniqueCourseRow extends ResponderCounts {
	technique: string;
	/** Clients with a course change (a baseline and a later end score). */
	clients: number;
	meanChange: number | null;
	sdChange: number | null;
	sdBaseline: number | null;
	sdEnd: number | null;
}

/** One technique's within-session change: per-client means (n = clients), before suppression. */
export type TechniqueWithinRow = WithinSessionSummary;

/** Sums per course technique and condition for a baseline-adjusted comparison (x = baseline, y = end; higher = better). */
export interface TechniqueCellRow extends CellSums {
	technique: string;
	condition: string;
}

function coursesWith(measure: Measure, end: CourseEnd, filter: OutcomeFilter) {
	const courses = coursesSql(measure, end, filter);
	return { sql: `WITH courses AS (${courses.sql})`, params: courses.params };
}

/** The SD of the baseline over every course in the selection (for distribution-based thresholds). */
export async function queryBaselineSd(db: Connector, measure: Measure, end: CourseEnd, filter: OutcomeFilter): Promise<number | null> {
	const courses = coursesWith(measure, end, filter);
	const [row] = await db.query<{ sd: number | null }>(`${courses.sql} SELECT stddev_samp(baseline) AS sd FROM courses WHERE change IS NOT NULL`, courses.params);
	return row?.sd ?? null;
}

/**
 * Across-course change per course technique for the selection, with response and reliable-change counts for the
 * thresholds given (bound as parameters). A rule with no threshold counts nobody.
 */
export async function queryTechniqueCourses(
	db: Connector,
	measure: Measure,
	end: CourseEnd,
	filter: OutcomeFilter,
	thresholds: CourseThresholds
): Promise<TechniqueCourseRow[]> {
	const courses = coursesWith(measure, end, filter);
	const responders = responderCountsSql(thresholds, measure.instrument);
	return db.query<TechniqueCourseRow & Record<string, unknown>>(
		`${courses.sql}
		SELECT primary_technique AS technique,
			CAST(count(*) AS INTEGER) AS clients,
			avg(change) AS meanChange, stddev_samp(change) AS sdChange,
			stddev_samp(baseline) AS sdBaseline, stddev_samp(end_score) AS sdEnd,
			${responders.sql}
		FROM courses
		WHERE change IS NOT NULL
		GROUP BY primary_technique
		ORDER BY primary_technique`,
		[...courses.params, ...responders.params]
	);
}

/** Sums per course technique and condition, the input of the baseline-adjusted comparison. */
export async function queryTechniqueCells(db: Connector, measure: Measure, end: CourseEnd, filter: OutcomeFilter): Promise<TechniqueCellRow[]> {
	const courses = coursesWith(measure, end, filter);
	return db.query<TechniqueCellRow & Record<string, unknown>>(
		`${courses.sql}
		SELECT primary_technique AS technique, primary_condition AS condition, ${CELL_SUMS_SQL}
		FROM courses
		WHERE change IS NOT NULL
		GROUP BY ALL
		ORDER BY technique, condition`,
		courses.params
	);
}

/** Within-session change per session technique: each client's mean over their sessions, then over clients. */
export async function queryTechniqueWithin(db: Connector, measure: Measure, filter: OutcomeFilter): Promise<TechniqueWithinRow[]> {
	const summary = withinSessionSummarySql(measure, filter, 'primary_technique');
	return db.query<TechniqueWithinRow & Record<string, unknown>>(summary.sql, summary.params);
}
