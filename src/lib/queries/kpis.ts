import type { Connector } from '$lib/db';
import { instrument } from '$lib/domain/instruments';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** The overview's headline numbers, before suppression. */
export interface KpiRow {
	sessions: number;
	clients: number;
	/** Mean of pre - post pain over sessions with both scores (positive = less pain after). */
	withinPainChange: number | null;
	withinSessions: number;
	withinClients: number;
	/** Clients with at least two sessions and pain before the first and after the last. */
	courseClients: number;
	/** Of those, clients whose pain fell by at least the MCID in points across their course. */
	courseResponders: number;
	/** Mean first-session pre pain minus last-session post pain over courseClients. */
	coursePainChange: number | null;
}

/**
 * Sessions, clients, within-session pain change and the share of clients improving by the MCID across their
 * course (first session's pre vs last session's post, within the filtered sessions). The MCID is the pain
 * instrument's absolute rule, bound as a parameter.
 */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const where = filterWhere(filter);
	const mcid = instrument('pain_nrs').mcid_points;
	const [row] = await db.query<KpiRow & Record<string, unknown>>(
		`WITH f AS (SELECT * FROM session_facts ${where.sql}),
		course AS (
			SELECT client_id, count(*) AS n,
				arg_min(pain_pre, session_number) FILTER (WHERE pain_pre IS NOT NULL) AS first_pre,
				arg_max(pain_post, session_number) FILTER (WHERE pain_post IS NOT NULL) AS last_post
			FROM f GROUP BY client_id
		),
		course_done AS (SELECT first_pre - last_post AS change FROM course WHERE n >= 2 AND first_pre IS NOT NULL AND last_post IS NOT NULL)
		SELECT
			(SELECT CAST(count(*) AS INTEGER) FROM f) AS sessions,
			(SELECT CAST(count(DISTINCT client_id) AS INTEGER) FROM f) AS clients,
			(SELECT avg(pain_pre - pain_post) FROM f) AS withinPainChange,
			(SELECT CAST(count(pain_pre - pain_post) AS INTEGER) FROM f) AS withinSessions,
			(SELECT CAST(count(DISTINCT client_id) FILTER (WHERE pain_pre IS NOT NULL AND pain_post IS NOT NULL) AS INTEGER) FROM f) AS withinClients,
			(SELECT CAST(count(*) AS INTEGER) FROM course_done) AS courseClients,
			(SELECT CAST(count(*) FILTER (WHERE change >= ?) AS INTEGER) FROM course_done) AS courseResponders,
			(SELECT avg(change) FROM course_done) AS coursePainChange`,
		[...where.params, mcid]
	);
	return row;
}
