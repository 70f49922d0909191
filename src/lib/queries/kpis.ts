import type { Connector } from '$lib/db';
import { courseRules, coursesSql, filterWhere, MEASURES, responderCountsSql, type OutcomeFilter, type SqlFragment } from '$lib/measures';
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
	/** Courses the filter selects with a pain change, whatever their baseline. */
	courseChangeClients: number;
	/** Mean across-course pain change over those courses (as /techniques and the report give it). */
	coursePainChange: number | null;
}

/** The course figures: clients whose course the filter selects, responders by the pain MCID, mean change. */
export type CourseKpis = Pick<KpiRow, 'courseClients' | 'courseResponders' | 'courseChangeClients' | 'coursePainChange'>;

const PAIN = MEASURES.find((m) => m.key === 'pain')!;

/**
 * The pain courses the filter selects (coursesSql, first pre to last pre). With no month range they are read from
 * client_courses, which holds the same rows (courseRowsSql, last_pre).
 */
export function selectedPainCourses(filter: OutcomeFilter): SqlFragment {
	return filter.from === null && filter.to === null
		? (({ sql, params }) => ({ sql: `SELECT * FROM client_courses ${sql}`, params }))(filterWhere(filter))
		: coursesSql(PAIN, 'last_pre', filter);
}

/** The share of clients improving by the pain MCID over the courses the filter selects, and their mean change. */
export async function queryCourseKpis(db: Connector, filter: OutcomeFilter): Promise<CourseKpis> {
	const courses = selectedPainCourses(filter);
	const responders = responderCountsSql(courseRules(PAIN.instrument, null), PAIN.instrument);
	const [row] = await db.query<{ pointsEligible: number; pointsResponders: number; clients: number; coursePainChange: number | null }>(
		`SELECT ${responders.sql}, CAST(count(*) AS INTEGER) AS clients, avg(change) AS coursePainChange
		FROM (${courses.sql}) WHERE change IS NOT NULL`,
		[...responders.params, ...courses.params]
	);
	return {
		courseClients: row.pointsEligible,
		courseResponders: row.pointsResponders,
		courseChangeClients: row.clients,
		coursePainChange: row.coursePainChange
	};
}

/** Sessions, clients and within-session pain change over the filtered sessions, and the course figures. */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const { kpis } = await queryOverviewScan(db, filter, 'pre');
	return { ...kpis, ...(await queryCourseKpis(db, filter)) };
}
