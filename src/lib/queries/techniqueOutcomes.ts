import type { Connector } from '$lib/db';
import type { CellSums } from '$lib/stats/ancova';
import { CELL_SUMS_SQL } from './cellSums';
import { courseRowsSql, withinSessionRowsSql, type CourseEnd } from './courseRows';
import type { Measure } from './measures';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** How a course counts as improved: thresholds in the measure's units, already worked out for this selection. */
export interface CourseThresholds {
	/** Improvement of at least this many points is a response (absolute MCID, or 0.5 × baseline SD). */
	points: number | null;
	/** Improvement of at least this share of the baseline score is a response (the MCID's % rule), e.g. 0.3. */
	share: number | null;
	/** Improvement beyond this is reliable change (Jacobson-Truax: 1.96 × S_diff, or the published MDC95). */
	reliable: number | null;
}

/** One course technique's across-course numbers, before suppression. */
export interface TechniqueCourseRow {
	technique: string;
	/** Clients with a course change (a baseline and a later end score). */
	clients: number;
	meanChange: number | null;
	sdChange: number | null;
	sdBaseline: number | null;
	sdEnd: number | null;
	/** Clients whose baseline leaves room to improve by `points` (the others cannot respond by that rule). */
	pointsEligible: number;
	pointsResponders: number;
	shareResponders: number;
	reliableImproved: number;
}

/** One technique's within-session change: per-client means (n = clients), before suppression. */
export interface TechniqueWithinRow {
	technique: string;
	clients: number;
	sessions: number;
	mean: number | null;
	sd: number | null;
}

/** Sums per course technique and condition for a baseline-adjusted comparison (x = baseline, y = end; higher = better). */
export interface TechniqueCellRow extends CellSums {
	technique: string;
	condition: string;
}

function coursesWith(measure: Measure, end: CourseEnd, filter: OutcomeFilter) {
	const where = filterWhere(filter);
	return {
		sql: `WITH courses AS (SELECT * FROM (${courseRowsSql(measure, end)}) ${where.sql})`,
		params: where.params
	};
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
	const { min, max } = measure.instrument;
	// Room to improve: the distance from the baseline to the better end of the scale.
	const room = measure.instrument.better === 'lower' ? `(baseline - ${min})` : `(${max} - baseline)`;
	return db.query<TechniqueCourseRow & Record<string, unknown>>(
		`${courses.sql}
		SELECT primary_technique AS technique,
			CAST(count(*) AS INTEGER) AS clients,
			avg(change) AS meanChange, stddev_samp(change) AS sdChange,
			stddev_samp(baseline) AS sdBaseline, stddev_samp(end_score) AS sdEnd,
			CAST(count(*) FILTER (WHERE ${room} >= CAST(? AS DOUBLE)) AS INTEGER) AS pointsEligible,
			CAST(count(*) FILTER (WHERE ${room} >= CAST(? AS DOUBLE) AND change >= CAST(? AS DOUBLE)) AS INTEGER) AS pointsResponders,
			CAST(count(*) FILTER (WHERE change >= CAST(? AS DOUBLE) * ${room}) AS INTEGER) AS shareResponders,
			CAST(count(*) FILTER (WHERE change > CAST(? AS DOUBLE)) AS INTEGER) AS reliableImproved
		FROM courses
		WHERE change IS NOT NULL
		GROUP BY primary_technique
		ORDER BY primary_technique`,
		[
			...courses.params,
			thresholds.points,
			thresholds.points,
			thresholds.points,
			thresholds.share,
			thresholds.reliable
		]
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
	const where = filterWhere(filter);
	return db.query<TechniqueWithinRow & Record<string, unknown>>(
		`SELECT primary_technique AS technique, CAST(count(*) AS INTEGER) AS clients, CAST(sum(sessions) AS INTEGER) AS sessions,
			avg(change) AS mean, stddev_samp(change) AS sd
		FROM (SELECT * FROM (${withinSessionRowsSql(measure)}) ${where.sql})
		GROUP BY primary_technique
		ORDER BY primary_technique`,
		where.params
	);
}
