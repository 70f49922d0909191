import type { SqlParam } from '$lib/db/connector';
import { filterWhere, type OutcomeFilter, type SqlFragment } from './filter';
import type { Measure } from './outcomes';

/** Where a course ends for the across-course change. */
export type CourseEnd = 'last_pre' | 'last_post';

export const COURSE_END_LABELS: Record<CourseEnd, string> = {
	last_pre: 'First session before → last session before',
	last_post: 'First session before → last session after'
};

/** Why each end is offered: the text under the choice. */
export const COURSE_END_NOTES: Record<CourseEnd, string> = {
	last_pre:
		'Both scores are taken before a session, so the last visit’s own within-session change is not pooled into the course change.',
	last_post: 'Includes the last visit’s within-session change; runs higher than before → before.'
};

/**
 * The cohort notions, over one client's sessions: a course is described by its first session. Course technique =
 * primary technique of session 1, home therapist = its therapist, clinic = its clinic, start month = its month;
 * condition = the client's. Named as in `session_facts`, so the filter bar's WHERE applies to course rows.
 */
export const COURSE_COHORT_SQL = `any_value(primary_condition) AS primary_condition,
		arg_min(primary_technique, session_number) AS primary_technique,
		arg_min(therapist_id, session_number) AS therapist_id,
		arg_min(clinic_id, session_number) AS clinic_id,
		min(month) AS month`;

/**
 * A course's two end points over rows of one client (or one client's side): `baseline`, the `pre` score of the first
 * session that has one, and `end_score`, the `last` score of the last session that has one (and, when given, meets
 * `endCondition`), with their session numbers. The one place the course's end points are written.
 */
export function courseEndpointsSql(pre: string, last: string, endCondition?: string): string {
	const endWhere = endCondition ? `${last} IS NOT NULL AND ${endCondition}` : `${last} IS NOT NULL`;
	return `arg_min(${pre}, session_number) FILTER (WHERE ${pre} IS NOT NULL) AS baseline,
		min(session_number) FILTER (WHERE ${pre} IS NOT NULL) AS baseline_session,
		arg_max(${last}, session_number) FILTER (WHERE ${endWhere}) AS end_score,
		max(session_number) FILTER (WHERE ${endWhere}) AS end_session`;
}

/** A course has a change only when its end comes from a later session than its baseline: one visit is not a course. */
export const HAS_COURSE_SQL = 'end_session > baseline_session';

/** The months a course is looked at through: clients seen in [from, to], measured up to the end of `to`. */
export interface CourseWindow {
	/** First month, `YYYY-MM`, or null. */
	from: string | null;
	/** Last month, `YYYY-MM`, or null. */
	to: string | null;
}

/**
 * One row per client: their course for a measure, described by its first session (COURSE_COHORT_SQL).
 *
 * - `baseline`: the score before the first session that has one; `end_score`: the last session's score before
 *   (last_pre) or after (last_post) it. `change` is end - baseline signed so improvement is positive, only when the
 *   end comes from a later session (HAS_COURSE_SQL).
 * - `room`: how far the baseline is from the better end of the scale (what a course can improve by at most).
 * - `x` and `y`: baseline and end signed the same way (higher = better), for baseline-adjusted comparisons.
 * - With a window, only sessions up to its last month count, the end must fall in it, and only clients seen in it
 *   have a row: the course as it stood at the window's end, from the client's first score ever.
 *
 * Only column names from MEASURES reach this text; the window's months are bound parameters.
 */
export function courseRowsSql(measure: Measure, end: CourseEnd, window: CourseWindow = { from: null, to: null }): SqlFragment {
	const pre = measure.preColumn;
	const last = end === 'last_pre' ? measure.preColumn : measure.postColumn;
	const { min, max, better } = measure.instrument;
	const sign = better === 'lower' ? -1 : 1;
	const room = better === 'lower' ? `baseline - ${min}` : `${max} - baseline`;
	const params: SqlParam[] = [];
	const month = (value: string) => {
		if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new Error(`invalid month: ${value}`);
		params.push(`${value}-01`);
		return 'CAST(? AS DATE)';
	};
	// Each placeholder stands once, in the order the parameters are pushed.
	const inWindow = window.from === null ? 'true' : `month >= ${month(window.from)}`;
	const upTo = window.to === null ? '' : `WHERE month <= ${month(window.to)}`;
	return {
		sql: `SELECT *,
			CASE WHEN ${HAS_COURSE_SQL} THEN ${sign} * (end_score - baseline) END AS change,
			${room} AS room,
			${sign} * baseline AS x,
			CASE WHEN ${HAS_COURSE_SQL} THEN ${sign} * end_score END AS y
		FROM (
			SELECT client_id, ${COURSE_COHORT_SQL},
				CAST(count(*) AS INTEGER) AS sessions,
				${courseEndpointsSql(pre, last, window.from === null ? undefined : 'in_window')}
			FROM (SELECT *, ${inWindow} AS in_window FROM session_facts ${upTo})
			GROUP BY client_id
			${window.from === null ? '' : 'HAVING bool_or(in_window)'}
		)`,
		params
	};
}

/**
 * The courses a filter selects: the filter's months are the window (courseRowsSql), its techniques, conditions,
 * therapists and clinics select by course technique, condition, home therapist and clinic. Every course row, with or
 * without a change; callers that measure change keep `change IS NOT NULL`.
 */
export function coursesSql(measure: Measure, end: CourseEnd, filter: OutcomeFilter): SqlFragment {
	const rows = courseRowsSql(measure, end, { from: filter.from, to: filter.to });
	const where = filterWhere({ ...filter, from: null, to: null });
	return { sql: `SELECT * FROM (${rows.sql}) ${where.sql}`, params: [...rows.params, ...where.params] };
}
