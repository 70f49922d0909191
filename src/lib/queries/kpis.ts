import type { Connector } from '$lib/db';
import { instrument } from '$lib/domain/instruments';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';
import { queryOverviewScan } from './overviewScan';

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

/** The course figures: clients whose course the filter selects, responders by the pain MCID, mean change. */
export type CourseKpis = Pick<KpiRow, 'courseClients' | 'courseResponders' | 'coursePainChange'>;

/**
 * The share of clients improving by the pain MCID over the courses the filter selects (client_courses), and their
 * mean change. The MCID is the pain instrument's absolute rule, bound as a parameter.
 */
export async function queryCourseKpis(db: Connector, filter: OutcomeFilter): Promise<CourseKpis> {
	const where = filterWhere(filter);
	const mcid = instrument('pain_nrs').mcid_points;
	const [row] = await db.query<CourseKpis & Record<string, unknown>>(
		`SELECT CAST(count(*) AS INTEGER) AS courseClients,
			CAST(count(*) FILTER (WHERE pain_first_pre - pain_last_pre >= ?) AS INTEGER) AS courseResponders,
			avg(pain_first_pre - pain_last_pre) AS coursePainChange
		FROM client_courses ${where.sql}
		${where.sql ? 'AND' : 'WHERE'} scored_sessions >= 2 AND pain_first_pre >= ?`,
		[mcid, ...where.params, mcid]
	);
	return row;
}

/** Sessions, clients and within-session pain change over the filtered sessions, and the course figures. */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const { kpis } = await queryOverviewScan(db, filter, 'pre');
	return { ...kpis, ...(await queryCourseKpis(db, filter)) };
}
