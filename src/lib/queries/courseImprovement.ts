import type { Connector } from '$lib/db';
import { courseRules, coursesSql, filterWhere, MEASURES, responderCountsSql, type OutcomeFilter, type SqlFragment } from '$lib/measures';
import { byClients, type GroupChange } from './groupChange';

/** The course figures of the key figures: clients whose course the filter selects, responders, mean change. */
export interface CourseKpis {
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

export interface CourseImprovement {
	/** By the client's primary condition, most clients first. */
	byCondition: GroupChange[];
	/** By the course technique (the primary technique of the client's first session), most clients first. */
	byTechnique: GroupChange[];
}

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

/**
 * In one pass over the courses the filter selects (a month range makes them from the sessions, which at ten million
 * is the costly part): the key figures' share of clients improving by the pain MCID and mean change, and the
 * across-course pain change (first pre minus last pre, improvement positive) by condition and by course technique,
 * one row per client, so n is clients and the SD is between clients.
 */
export async function queryCourseFigures(db: Connector, filter: OutcomeFilter): Promise<CourseKpis & CourseImprovement> {
	const courses = selectedPainCourses(filter);
	const responders = responderCountsSql(courseRules(PAIN.instrument, null), PAIN.instrument);
	const rows = await db.query<{ level: string; grp: string | null; pointsEligible: number; pointsResponders: number; n: number; mean: number | null; sd: number | null }>(
		`SELECT CASE WHEN grouping(primary_condition) = 0 THEN 'condition' WHEN grouping(primary_technique) = 0 THEN 'technique' ELSE 'all' END AS level,
			CASE WHEN grouping(primary_condition) = 0 THEN CAST(primary_condition AS VARCHAR) ELSE CAST(primary_technique AS VARCHAR) END AS grp,
			${responders.sql}, CAST(count(*) AS INTEGER) AS n, avg(change) AS mean, stddev_samp(change) AS sd
		FROM (${courses.sql}) WHERE change IS NOT NULL
		GROUP BY GROUPING SETS ((), (primary_condition), (primary_technique))`,
		[...responders.params, ...courses.params]
	);
	const all = rows.find((r) => r.level === 'all');
	const of = (level: string) =>
		rows.filter((r) => r.level === level && r.grp !== null).map((r) => ({ group: r.grp as string, n: r.n, mean: r.mean as number, sd: r.sd })).sort(byClients);
	return {
		courseClients: all?.pointsEligible ?? 0,
		courseResponders: all?.pointsResponders ?? 0,
		courseChangeClients: all?.n ?? 0,
		coursePainChange: all?.mean ?? null,
		byCondition: of('condition'),
		byTechnique: of('technique')
	};
}

/** The course change by condition and by course technique alone (see queryCourseFigures). */
export async function queryCourseImprovement(db: Connector, filter: OutcomeFilter): Promise<CourseImprovement> {
	const { byCondition, byTechnique } = await queryCourseFigures(db, filter);
	return { byCondition, byTechnique };
}
