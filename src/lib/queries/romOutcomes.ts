import type { Connector, SqlParam } from '$lib/db';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import type { Summary } from '$lib/stats/summary';
import { instrument } from '$lib/domain/instruments';
import {
	COURSE_COHORT_SQL,
	courseEndpointsSql,
	filterWhere,
	HAS_COURSE_SQL,
	improvementSql,
	percentOfNormalSql,
	thresholdTolerance,
	type CourseEnd,
	type OutcomeFilter
} from '$lib/measures';

/** One movement's range of motion over the selected courses, before suppression. n is always clients. */
export interface RomMovementOutcome {
	/** Code from ROM_MOVEMENTS. */
	movement: string;
	/** Clients with the movement measured before at least one session. */
	clients: number;
	/** Before the first session with a measurement (the baseline), degrees and % of normal. */
	baseline: Summary;
	baselinePercent: Summary;
	/** Each client's mean before and after, over their sessions measured both times (for d_av). */
	withinPre: Summary;
	withinPost: Summary;
	/** Each client's mean within-session change (after - before), degrees and % of normal. */
	withinChange: Summary;
	withinChangePercent: Summary;
	/** Clients with a course (a later session measured at the course end): baseline, end and change. */
	courseBaseline: Summary;
	courseEnd: Summary;
	courseChange: Summary;
	courseChangePercent: Summary;
	courseBaselinePercent: Summary;
	courseEndPercent: Summary;
	/** Of the clients with a course change, those improving by more than the movement's MDC; null without an MDC. */
	beyondMdc: number | null;
}

/** The conditions and course techniques the ROM page can be filtered by: pairs that have ROM measurements. */
export interface RomSelection {
	condition: string;
	technique: string;
}

/** A side's (then a client's) change, improvement positive: range of motion is better higher. */
const ROM_COURSE_CHANGE = improvementSql(instrument('rom').better, 'course_baseline', 'course_end');

const SUMMARIES = {
	baseline: 'baseline',
	baselinePercent: percentOfNormalSql('baseline'),
	withinPre: 'within_pre',
	withinPost: 'within_post',
	withinChange: 'within_change',
	withinChangePercent: percentOfNormalSql('within_change'),
	courseBaseline: 'course_baseline',
	courseEnd: 'course_end',
	courseChange: ROM_COURSE_CHANGE,
	courseChangePercent: percentOfNormalSql(ROM_COURSE_CHANGE),
	courseBaselinePercent: percentOfNormalSql('course_baseline'),
	courseEndPercent: percentOfNormalSql('course_end')
} as const satisfies Record<string, string>;

type SummaryKey = keyof typeof SUMMARIES;

/** The courses the filter selects, one row per client described by its first session (COURSE_COHORT_SQL). */
const COURSES = `SELECT client_id, ${COURSE_COHORT_SQL} FROM session_facts GROUP BY client_id`;

/**
 * Range of motion per movement over the courses the filter selects, in one scan of the ROM measurements.
 *
 * Each side is followed on its own (a side's baseline and end are that side's), then a client's sides are pooled
 * as their mean, so n is clients and a client measured on both sides counts once. The course follows courseRowsSql's
 * CourseEnd: baseline = before the first session with a measurement; end = before (last_pre) or after (last_post) the
 * last session with one; a course only when the end comes from a later session. Only pre and post timepoints are read.
 * The MDC is compared with the pooled change; since a mean of two sides has less error than one, this errs on the
 * strict side. Filter values and MDCs are bound parameters.
 */
export async function queryRomOutcomes(db: Connector, filter: OutcomeFilter, end: CourseEnd): Promise<RomMovementOutcome[]> {
	const where = filterWhere(filter);
	const endColumn = end === 'last_pre' ? 'pre' : 'post';
	const withMdc = ROM_MOVEMENTS.filter((m) => m.mdc_degrees !== null);
	const mdcParams: SqlParam[] = withMdc.flatMap((m) => [m.code, m.mdc_degrees]);
	const summaryColumns = Object.entries(SUMMARIES).map(
		([key, value]) => `CAST(count(${value}) AS INTEGER) AS "${key}_n", avg(${value}) AS "${key}_mean", stddev_samp(${value}) AS "${key}_sd"`
	);
	const rows = await db.query(
		`WITH courses AS (${COURSES}),
		selected AS (SELECT client_id FROM courses ${where.sql}),
		side_sessions AS (
			SELECT f.client_id, f.session_number, m.rom_movement AS movement, m.side,
				avg(m.value) FILTER (WHERE m.timepoint = 'pre') AS pre,
				avg(m.value) FILTER (WHERE m.timepoint = 'post') AS post
			FROM measurements m
			JOIN session_facts f USING (session_id)
			WHERE m.instrument = 'rom' AND m.timepoint IN ('pre', 'post') AND f.client_id IN (SELECT client_id FROM selected)
			GROUP BY f.client_id, f.session_number, m.rom_movement, m.side
		),
		sides AS (
			SELECT client_id, movement, side,
				${courseEndpointsSql('pre', endColumn)},
				avg(pre) FILTER (WHERE pre IS NOT NULL AND post IS NOT NULL) AS within_pre,
				avg(post) FILTER (WHERE pre IS NOT NULL AND post IS NOT NULL) AS within_post
			FROM side_sessions
			GROUP BY client_id, movement, side
		),
		per_client AS (
			SELECT client_id, movement,
				avg(baseline) AS baseline,
				avg(within_pre) AS within_pre,
				avg(within_post) AS within_post,
				avg(${improvementSql(instrument('rom').better, 'within_pre', 'within_post')}) AS within_change,
				avg(baseline) FILTER (WHERE ${HAS_COURSE_SQL}) AS course_baseline,
				avg(end_score) FILTER (WHERE ${HAS_COURSE_SQL}) AS course_end
			FROM sides
			GROUP BY client_id, movement
		),
		mdc(movement, mdc_degrees) AS (${withMdc.length ? `VALUES ${withMdc.map(() => '(?, CAST(? AS DOUBLE))').join(', ')}` : 'SELECT NULL::VARCHAR, NULL::DOUBLE WHERE false'})
		SELECT p.movement,
			CAST(count(p.baseline) AS INTEGER) AS clients,
			${summaryColumns.join(',\n\t\t\t')},
			CASE WHEN any_value(mdc.mdc_degrees) IS NOT NULL
				THEN CAST(count(*) FILTER (WHERE ${ROM_COURSE_CHANGE} > mdc.mdc_degrees + CAST(? AS DOUBLE)) AS INTEGER) END AS beyond_mdc
		FROM per_client p
		JOIN rom_movements r ON r.code = p.movement
		LEFT JOIN mdc USING (movement)
		GROUP BY p.movement
		ORDER BY p.movement`,
		[...where.params, ...mdcParams, thresholdTolerance(instrument('rom'))]
	);
	return rows.map((row) => {
		const summary = (key: SummaryKey): Summary => ({
			n: row[`${key}_n`] as number,
			mean: (row[`${key}_mean`] as number | null) ?? NaN,
			sd: (row[`${key}_sd`] as number | null) ?? NaN
		});
		const summaries = Object.fromEntries(Object.keys(SUMMARIES).map((key) => [key, summary(key as SummaryKey)])) as Record<SummaryKey, Summary>;
		return { movement: row.movement as string, clients: row.clients as number, ...summaries, beyondMdc: row.beyond_mdc as number | null };
	});
}

/** Condition and course-technique pairs of the clients with a ROM measurement, for the page's choices. */
export async function queryRomSelections(db: Connector): Promise<RomSelection[]> {
	return db.query<RomSelection & Record<string, unknown>>(
		`WITH courses AS (${COURSES})
		SELECT DISTINCT primary_condition AS condition, primary_technique AS technique
		FROM courses
		WHERE client_id IN (
			SELECT f.client_id FROM measurements m JOIN session_facts f USING (session_id) WHERE m.instrument = 'rom'
		)
		ORDER BY condition, technique`
	);
}
