import type { Connector } from '$lib/db';
import { canRespondSql, courseRules, coursesSql, filterWhere, MEASURES, responderCountsSql, type OutcomeFilter } from '$lib/measures';
import { queryOverviewScan } from './overviewScan';

/** The overview's headline numbers, before suppression. */
export interface KpiRow {
	sessions: number;
	clients: number;
	/** Within-session pain change: each client's mean over their sessions with both scores, then over clients. */
	withinPainChange: number | null;
	withinSessions: number;
	withinClients: number;
	/**
	 * Courses the filter selects (coursesSql: by course technique, home therapist, clinic and condition; a month range
	 * is the window) with a pain change and a baseline with room to improve by the MCID (below it, a responder is
	 * impossible).
	 */
	courseClients: number;
	/** Of those, responders by the pain MCID (responderCountsSql). */
	courseResponders: number;
	/** Mean across-course pain change over courseClients. */
	coursePainChange: number | null;
}

/** The course figures: clients whose course the filter selects, responders by the pain MCID, mean change. */
export type CourseKpis = Pick<KpiRow, 'courseClients' | 'courseResponders' | 'coursePainChange'>;

const PAIN = MEASURES.find((m) => m.key === 'pain')!;

/**
 * The share of clients improving by the pain MCID over the courses the filter selects, and their mean change. With
 * no month range the courses are read from client_courses, which holds the same rows (courseRowsSql, last_pre).
 */
export async function queryCourseKpis(db: Connector, filter: OutcomeFilter): Promise<CourseKpis> {
	const courses =
		filter.from === null && filter.to === null
			? (({ sql, params }) => ({ sql: `SELECT * FROM client_courses ${sql}`, params }))(filterWhere(filter))
			: coursesSql(PAIN, 'last_pre', filter);
	const rules = courseRules(PAIN.instrument, null);
	const responders = responderCountsSql(rules, PAIN.instrument);
	const eligible = canRespondSql(rules, PAIN.instrument);
	const [row] = await db.query<{ pointsEligible: number; pointsResponders: number; coursePainChange: number | null }>(
		`SELECT ${responders.sql}, avg(change) FILTER (WHERE ${eligible.sql}) AS coursePainChange
		FROM (${courses.sql}) WHERE change IS NOT NULL`,
		[...responders.params, ...eligible.params, ...courses.params]
	);
	return { courseClients: row.pointsEligible, courseResponders: row.pointsResponders, coursePainChange: row.coursePainChange };
}

/** Sessions, clients and within-session pain change over the filtered sessions, and the course figures. */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const { kpis } = await queryOverviewScan(db, filter, 'pre');
	return { ...kpis, ...(await queryCourseKpis(db, filter)) };
}
