import type { Connector } from '$lib/db';
import type { OutcomeFilter } from '$lib/measures';
import { queryCourseFigures, type CourseKpis } from './courseImprovement';
import { queryOverviewScan, type SessionKpis } from './overviewScan';

export type { CourseKpis } from './courseImprovement';

/** The overview's headline numbers, before suppression. */
export type KpiRow = SessionKpis & CourseKpis;

/** The share of clients improving by the pain MCID over the courses the filter selects, and their mean change. */
export async function queryCourseKpis(db: Connector, filter: OutcomeFilter): Promise<CourseKpis> {
	const { courseClients, courseResponders, courseChangeClients, coursePainChange } = await queryCourseFigures(db, filter);
	return { courseClients, courseResponders, courseChangeClients, coursePainChange };
}

/** Sessions, clients and within-session pain change over the filtered sessions, and the course figures. */
export async function queryKpis(db: Connector, filter: OutcomeFilter): Promise<KpiRow> {
	const { kpis } = await queryOverviewScan(db, filter, 'pre');
	return { ...kpis, ...(await queryCourseKpis(db, filter)) };
}
