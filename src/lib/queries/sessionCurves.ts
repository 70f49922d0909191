import { quoteLiteral, type Connector } from '$lib/db';
import { courseRowsSql } from '$lib/measures';
import type { Measure } from '$lib/measures';
import { filterWhere, NO_FILTER, type SqlFragment } from '$lib/measures';
import { ALL_TECHNIQUES } from './trend';

/** The last session number a session curve or the retention chart shows. */
export const MAX_SESSION = 20;

/** A measure's score before one session number, for the clients of one course technique, before suppression. */
export interface SessionCurveRow {
	/** Session number, 1 = the first visit. */
	session: number;
	/** Course technique (primary technique of session 1), or ALL_TECHNIQUES for every client of the condition. */
	technique: string;
	/** Clients with a score before this session. */
	clients: number;
	mean: number;
	/** Sample SD over the clients; null with one client. */
	sd: number | null;
}

/** The courses of a condition's clients (every condition when null), as a WHERE clause over course rows. */
export function conditionWhere(condition: string | null): SqlFragment {
	return filterWhere({ ...NO_FILTER, conditions: condition === null ? [] : [condition] });
}

/**
 * Mean score before each session 1..MAX_SESSION by course technique, and over all techniques. A client counts once
 * per session number, in the technique they started with, so a session's techniques add up to its total.
 */
export async function querySessionCurves(db: Connector, condition: string | null, measure: Measure): Promise<SessionCurveRow[]> {
	const where = conditionWhere(condition);
	const pre = measure.preColumn;
	return db.query<SessionCurveRow & Record<string, unknown>>(
		`WITH courses AS (
			SELECT client_id, primary_technique AS course_technique FROM (${courseRowsSql(measure, 'last_pre').sql}) ${where.sql}
		),
		scores AS (
			SELECT f.client_id, c.course_technique, f.session_number, avg(f.${pre}) AS score
			FROM session_facts f JOIN courses c USING (client_id)
			WHERE f.${pre} IS NOT NULL AND f.session_number BETWEEN 1 AND ?
			GROUP BY f.client_id, c.course_technique, f.session_number
		)
		SELECT CAST(session_number AS INTEGER) AS session,
			CASE WHEN grouping(course_technique) = 1 THEN ${quoteLiteral(ALL_TECHNIQUES)} ELSE course_technique END AS technique,
			CAST(count(*) AS INTEGER) AS clients,
			avg(score) AS mean,
			stddev_samp(score) AS sd
		FROM scores
		GROUP BY GROUPING SETS ((session_number, course_technique), (session_number))
		ORDER BY session, grouping(course_technique) DESC, technique`,
		[...where.params, MAX_SESSION]
	);
}
