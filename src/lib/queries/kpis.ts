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
		`WITH sessions AS (
			-- One scan of the filtered sessions for all their figures.
			SELECT CAST(count(*) AS INTEGER) AS sessions,
				CAST(count(DISTINCT client_id) AS INTEGER) AS clients,
				avg(pain_pre - pain_post) AS withinPainChange,
				CAST(count(pain_pre - pain_post) AS INTEGER) AS withinSessions,
				CAST(count(DISTINCT client_id) FILTER (WHERE pain_pre IS NOT NULL AND pain_post IS NOT NULL) AS INTEGER) AS withinClients
			FROM session_facts ${where.sql}
		),
		courses AS (
			SELECT CAST(count(*) AS INTEGER) AS courseClients,
				CAST(count(*) FILTER (WHERE pain_first_pre - pain_last_pre >= ?) AS INTEGER) AS courseResponders,
				avg(pain_first_pre - pain_last_pre) AS coursePainChange
			FROM client_courses ${where.sql}
			${where.sql ? 'AND' : 'WHERE'} scored_sessions >= 2 AND pain_first_pre >= ?
		)
		SELECT * FROM sessions CROSS JOIN courses`,
		[...where.params, mcid, ...where.params, mcid]
	);
	return row;
}
