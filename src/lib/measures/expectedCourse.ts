import type { SqlFragment } from './filter';
import type { Measure } from './outcomes';

/**
 * The expected course (expected recovery curve; Finch, Lambert & Schaalje 2001): a client's expected score before
 * each session, from the clinic's own clients of the same condition at that session number, adjusted to the
 * client's starting score by a least-squares line of score on starting score (one line per condition and session
 * number), with the SD a new client's score has about that line. The one place it is written; the "Clients not on
 * track" page and the data dictionary read it.
 */
export const EXPECTED_COURSE = {
	/** The band of usual variation: expected ± z·SD holds about 80% of clients like them (z of the 90th percentile). */
	bandZ: 1.2816,
	/** The SD is taken as at least this (an NRS is answered in whole points), so a uniform reference flags no one. */
	minSd: 0.5,
	/** Clients behind an expected score, at least: fewer and the page says it cannot judge (and never fewer than k). */
	minClients: 20,
	/** A client is judged from their third session on: the first is their start, the second too early to judge. */
	firstJudgedSession: 3
} as const;

/** The measures a client's course is judged on: the 0-10 self-reports (range of motion has no common start). */
export const ON_TRACK_MEASURE_KEYS = ['pain', 'stress', 'sleep'] as const;
export type OnTrackMeasureKey = (typeof ON_TRACK_MEASURE_KEYS)[number];

/**
 * Common table expressions for a measure's expected course (a WITH list, without the WITH):
 * - `scored`: every session with a score before it (client, session number, date, condition, therapist, clinic, score);
 * - `starts`: per client, the score of their first scored session (`start_score`) and that session's number;
 * - `fits`: per condition and session number, the line of score on starting score over the clients scored there:
 *   `n`, the means `mx` and `my`, and the sums of squares and products `sxx`, `sxy`, `syy`;
 * - `seen`: per client, their sessions, last session date, condition, and the therapist and clinic of their latest
 *   session (who sees them now).
 * expectedScoreSql and expectedSdSql read a fit at a client's starting score. Only column names from MEASURES reach
 * this text.
 */
export function expectedCourseSql(measure: Measure): SqlFragment {
	const score = measure.preColumn;
	return {
		sql: `scored AS (
			SELECT client_id, session_number, session_date, primary_condition AS condition, therapist_id, clinic_id,
				CAST(${score} AS DOUBLE) AS score
			FROM session_facts WHERE ${score} IS NOT NULL AND session_number IS NOT NULL
		),
		starts AS (
			SELECT client_id, any_value(condition) AS condition, arg_min(score, session_number) AS start_score,
				min(session_number) AS start_session
			FROM scored GROUP BY client_id
		),
		fits AS (
			SELECT st.condition, sc.session_number AS session, CAST(regr_count(sc.score, st.start_score) AS INTEGER) AS n,
				regr_avgx(sc.score, st.start_score) AS mx, regr_avgy(sc.score, st.start_score) AS my,
				regr_sxx(sc.score, st.start_score) AS sxx, regr_sxy(sc.score, st.start_score) AS sxy,
				regr_syy(sc.score, st.start_score) AS syy
			FROM scored sc JOIN starts st USING (client_id)
			GROUP BY ALL
		),
		seen AS (
			SELECT client_id, CAST(count(*) AS INTEGER) AS sessions, max(session_date) AS last_date,
				arg_max(therapist_id, session_number) AS therapist_id, arg_max(clinic_id, session_number) AS clinic_id,
				any_value(primary_condition) AS condition
			FROM session_facts GROUP BY client_id
		)`,
		params: []
	};
}

/** The fit's slope (0 when every client started alike). */
const slope = (f: string) => `(CASE WHEN ${f}.sxx > 0 THEN ${f}.sxy / ${f}.sxx ELSE 0 END)`;

/** The expected score of a fit (alias `f`) at a starting score, kept within the instrument's range. */
export function expectedScoreSql(measure: Measure, f: string, start: string): string {
	const { min, max } = measure.instrument;
	return `least(${max}, greatest(${min}, ${f}.my + ${slope(f)} * (${start} - ${f}.mx)))`;
}

/** The SD of a new client's score about a fit's line at a starting score (the prediction's, with the line's own error). */
export function expectedSdSql(f: string, start: string): string {
	const residual = `greatest(0, ${f}.syy - ${slope(f)} * ${f}.sxy) / nullif(${f}.n - 2, 0)`;
	const leverage = `1 + 1.0 / ${f}.n + CASE WHEN ${f}.sxx > 0 THEN (${start} - ${f}.mx) * (${start} - ${f}.mx) / ${f}.sxx ELSE 0 END`;
	return `sqrt(${residual} * (${leverage}))`;
}
