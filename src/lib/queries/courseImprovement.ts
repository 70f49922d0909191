import type { Connector } from '$lib/db';
import type { OutcomeFilter } from '$lib/measures';
import { byClients, type GroupChange } from './groupChange';
import { selectedPainCourses } from './kpis';

export interface CourseImprovement {
	/** By the client's primary condition, most clients first. */
	byCondition: GroupChange[];
	/** By the course technique (the primary technique of the client's first session), most clients first. */
	byTechnique: GroupChange[];
}

/**
 * The across-course pain change (first pre minus last pre, improvement positive) of the courses the filter selects,
 * as the key figure's mean (queryCourseKpis) but by condition and by course technique: one row per client, so n is
 * clients and the SD is between clients.
 */
export async function queryCourseImprovement(db: Connector, filter: OutcomeFilter): Promise<CourseImprovement> {
	const courses = selectedPainCourses(filter);
	const rows = await db.query<{ level: string; grp: string; n: number; mean: number; sd: number | null }>(
		`SELECT CASE WHEN grouping(primary_condition) = 0 THEN 'condition' ELSE 'technique' END AS level,
			CAST(coalesce(primary_condition, primary_technique) AS VARCHAR) AS grp,
			CAST(count(*) AS INTEGER) AS n, avg(change) AS mean, stddev_samp(change) AS sd
		FROM (${courses.sql}) WHERE change IS NOT NULL
		GROUP BY GROUPING SETS ((primary_condition), (primary_technique))`,
		courses.params
	);
	const of = (level: string) =>
		rows.filter((r) => r.level === level && r.grp !== null).map((r) => ({ group: r.grp, n: r.n, mean: r.mean, sd: r.sd })).sort(byClients);
	return { byCondition: of('condition'), byTechnique: of('technique') };
}
