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
	/**
	 * Clients whose course matches the filter (by its first session) with pain scored before at least two
	 * sessions and a first score of at least the MCID (below it, a responder is impossible).
	 */
	courseClients: number;
	/** Of those, clients whose pain before the last scored session is at least the MCID below the first. */
	courseResponders: number;
	/** Mean first minus last pre-session pain over courseClients. */
	coursePainChange: number | null;
}

/**
 * Sessions, clients and within-session pain change over the filtered sessions; across-course change and the
 * share of clients improving by the pain MCID over the courses the filter selects (client_courses). The MCID is
 * the pain instrument's absolute rule, bound as a parameter.
 */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const where = filterWhere(filter);
	const mcid = instrument('pain_nrs').mcid_points;
	const [row] = await db.query<KpiRow & Record<string, unknown>>(
		`WITH f AS (SELECT * FROM session_facts ${where.sql}),
		course AS (
			SELECT pain_first_pre - pain_last_pre AS change FROM client_courses ${where.sql}
			${where.sql ? 'AND' : 'WHERE'} scored_sessions >= 2 AND pain_first_pre >= ?
		)
		SELECT
			(SELECT CAST(count(*) AS INTEGER) FROM f) AS sessions,
			(SELECT CAST(count(DISTINCT client_id) AS INTEGER) FROM f) AS clients,
			(SELECT avg(pain_pre - pain_post) FROM f) AS withinPainChange,
			(SELECT CAST(count(pain_pre - pain_post) AS INTEGER) FROM f) AS withinSessions,
			(SELECT CAST(count(DISTINCT client_id) FILTER (WHERE pain_pre IS NOT NULL AND pain_post IS NOT NULL) AS INTEGER) FROM f) AS withinClients,
			(SELECT CAST(count(*) AS INTEGER) FROM course) AS courseClients,
			(SELECT CAST(count(*) FILTER (WHERE change >= ?) AS INTEGER) FROM course) AS courseResponders,
			(SELECT avg(change) FROM course) AS coursePainChange`,
		[...where.params, ...where.params, mcid, mcid]
	);
	return row;
}
