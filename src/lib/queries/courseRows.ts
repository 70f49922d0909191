import type { Measure } from './measures';

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
 * One row per client: their course for a measure, with the same column names as `session_facts` so `filterWhere`
 * applies to it (the course is described by its first session: course technique = primary technique of session 1,
 * home therapist, clinic, start month).
 *
 * - `baseline`: the score before the first session that has one; `end_score`: the last session's score before
 *   (last_pre) or after (last_post) it. `change` is end - baseline signed so improvement is positive, and only when
 *   the end comes from a later session than the baseline (one visit is not a course).
 * - `x` and `y`: baseline and end signed the same way (higher = better), for baseline-adjusted comparisons.
 *
 * Only column names from MEASURES reach this text, never user input.
 */
export function courseRowsSql(measure: Measure, end: CourseEnd): string {
	const pre = measure.preColumn;
	const last = end === 'last_pre' ? measure.preColumn : measure.postColumn;
	const sign = measure.instrument.better === 'lower' ? -1 : 1;
	return `SELECT *,
			CASE WHEN end_session > baseline_session THEN ${sign} * (end_score - baseline) END AS change,
			${sign} * baseline AS x,
			CASE WHEN end_session > baseline_session THEN ${sign} * end_score END AS y
		FROM (
			SELECT client_id,
				any_value(primary_condition) AS primary_condition,
				arg_min(primary_technique, session_number) AS primary_technique,
				arg_min(therapist_id, session_number) AS therapist_id,
				arg_min(clinic_id, session_number) AS clinic_id,
				min(month) AS month,
				CAST(count(*) AS INTEGER) AS sessions,
				arg_min(${pre}, session_number) FILTER (WHERE ${pre} IS NOT NULL) AS baseline,
				min(session_number) FILTER (WHERE ${pre} IS NOT NULL) AS baseline_session,
				arg_max(${last}, session_number) FILTER (WHERE ${last} IS NOT NULL) AS end_score,
				max(session_number) FILTER (WHERE ${last} IS NOT NULL) AS end_session
			FROM session_facts
			GROUP BY client_id
		)`;
}

/**
 * One row per client and session technique: the client's mean within-session change (improvement positive) over
 * their sessions with that primary technique, so a client with many visits counts once and n is clients. Columns
 * named as in `session_facts`; `therapist_id`, `clinic_id` and `month` are those of the client's first such session.
 */
export function withinSessionRowsSql(measure: Measure): string {
	const change = measure.changeColumn
		? measure.changeColumn
		: measure.instrument.better === 'lower'
			? `(${measure.preColumn} - ${measure.postColumn})`
			: `(${measure.postColumn} - ${measure.preColumn})`;
	return `SELECT client_id, primary_technique,
			any_value(primary_condition) AS primary_condition,
			arg_min(therapist_id, session_number) AS therapist_id,
			arg_min(clinic_id, session_number) AS clinic_id,
			min(month) AS month,
			CAST(count(${change}) AS INTEGER) AS sessions,
			avg(${change}) AS change
		FROM session_facts
		GROUP BY client_id, primary_technique
		HAVING count(${change}) > 0`;
}
