import type { Connector } from '$lib/db';
import {
	CLIENTS_SQL,
	courseRules,
	coursesSql,
	filterWhere,
	MEASURES,
	NO_FILTER,
	responderCountsSql,
	SESSIONS_SQL,
	withinSessionSummarySql
} from '$lib/measures';
import type { Period } from './period';

/** What a report row can be grouped by; only these column names reach the SQL text. */
export type ReportGrouping = 'all' | 'primary_condition' | 'primary_technique';

/** One group's numbers for a period, before suppression. */
export interface ReportGroupRow {
	/** Condition or technique code; `all` for the whole period. */
	group: string;
	sessions: number;
	/** Distinct clients with a session in the period (in this group). */
	clients: number;
	/** Clients with pain scored before and after at least one session in the period. */
	withinClients: number;
	/** Within-session pain change (improvement positive): each client's mean over their sessions, then over clients. */
	withinMean: number | null;
	withinSd: number | null;
	/** SDs of the clients' mean pain before and after (for d_av). */
	withinSdPre: number | null;
	withinSdPost: number | null;
	/**
	 * Courses (coursesSql with the period as window): clients seen in the period who were scored again before a later
	 * session in the period, with the pain change from their first score ever. For techniques, a course counts under the
	 * technique it started with.
	 */
	courseClients: number;
	/** Mean first-ever pre-session pain minus pre-session pain at the last scored session in the period. */
	courseMean: number | null;
	courseSd: number | null;
	/** SDs of those courses' baseline and end scores (for d_av). */
	courseSdBaseline: number | null;
	courseSdEnd: number | null;
	/** Of those courses, the ones whose first score leaves room to improve by the MCID: the responder rate's n. */
	responderEligible: number;
	/** Courses whose pain fell by at least the MCID. */
	courseResponders: number;
}

/** One bar of the volume chart: a week (month reports) or a month (quarter reports). */
export interface ReportVolumeRow {
	/** First day of the week or month, `YYYY-MM-DD`. */
	start: string;
	sessions: number;
	clients: number;
}

/** The months with sessions (`YYYY-MM`) and the last session date (`YYYY-MM-DD`); none for sessions without dates. */
export async function queryReportMonths(db: Connector): Promise<{ months: string[]; lastDate: string | null }> {
	const rows = await db.query<{ month: string; last_date: string | null }>(
		`SELECT strftime(month, '%Y-%m') AS month, strftime(max(max(session_date)) OVER (), '%Y-%m-%d') AS last_date
		FROM session_facts WHERE month IS NOT NULL GROUP BY month ORDER BY month`
	);
	return { months: rows.map((r) => r.month), lastDate: rows[0]?.last_date ?? null };
}

const GROUP_COLUMN: Record<ReportGrouping, string> = {
	all: `'all'`,
	primary_condition: 'primary_condition',
	primary_technique: 'primary_technique'
};

const PAIN = MEASURES.find((m) => m.key === 'pain')!;

/** Sessions, clients, within-session and course pain change per group for a period (see ReportGroupRow). */
export async function queryReportGroups(db: Connector, period: Period, grouping: ReportGrouping): Promise<ReportGroupRow[]> {
	const filter = { ...NO_FILTER, from: period.from, to: period.to };
	const where = filterWhere(filter);
	const column = GROUP_COLUMN[grouping];
	const group = grouping === 'all' ? null : grouping;
	const within = withinSessionSummarySql(PAIN, filter, group);
	const courses = coursesSql(PAIN, 'last_pre', filter);
	const responders = responderCountsSql(courseRules(PAIN.instrument, null), PAIN.instrument);
	return db.query<ReportGroupRow & Record<string, unknown>>(
		`WITH seen AS (
			SELECT ${column} AS grp, ${SESSIONS_SQL} AS sessions, ${CLIENTS_SQL} AS clients
			FROM session_facts ${where.sql} GROUP BY grp
		),
		within AS (${within.sql}),
		courses AS (
			SELECT ${column} AS grp, ${responders.sql}, CAST(count(*) AS INTEGER) AS courseClients,
				avg(change) AS courseMean, stddev_samp(change) AS courseSd,
				stddev_samp(baseline) AS courseSdBaseline, stddev_samp(end_score) AS courseSdEnd
			FROM (${courses.sql}) WHERE change IS NOT NULL
			GROUP BY grp
		)
		SELECT coalesce(seen.grp, courses.grp) AS "group",
			coalesce(seen.sessions, 0) AS sessions, coalesce(seen.clients, 0) AS clients,
			coalesce(within.clients, 0) AS withinClients, within.mean AS withinMean, within.sd AS withinSd,
			within.sdPre AS withinSdPre, within.sdPost AS withinSdPost,
			coalesce(courses.courseClients, 0) AS courseClients, courses.courseMean, courses.courseSd,
			coalesce(courses.pointsEligible, 0) AS responderEligible,
			courses.courseSdBaseline, courses.courseSdEnd,
			coalesce(courses.pointsResponders, 0) AS courseResponders
		FROM seen
		LEFT JOIN within ON within."group" = seen.grp
		FULL JOIN courses ON courses.grp = seen.grp
		ORDER BY sessions DESC, "group"`,
		[
			...where.params,
			...within.params,
			...responders.params,
			...courses.params
		]
	);
}

/** Clients whose first session ever falls in the period. */
export async function queryNewClients(db: Connector, period: Period): Promise<number> {
	const [row] = await db.query<{ clients: number }>(
		`SELECT CAST(count(*) AS INTEGER) AS clients FROM (
			SELECT client_id FROM session_facts GROUP BY client_id
			HAVING min(month) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
		)`,
		[`${period.from}-01`, `${period.to}-01`]
	);
	return row.clients;
}

/** Sessions and clients per week (a month's report) or per month (a quarter's). */
export async function queryReportVolume(db: Connector, period: Period): Promise<ReportVolumeRow[]> {
	const where = filterWhere({ ...NO_FILTER, from: period.from, to: period.to });
	const unit = period.kind === 'month' ? 'week' : 'month';
	return db.query<ReportVolumeRow & Record<string, unknown>>(
		`SELECT strftime(date_trunc('${unit}', session_date), '%Y-%m-%d') AS start,
			CAST(count(*) AS INTEGER) AS sessions, CAST(count(DISTINCT client_id) AS INTEGER) AS clients
		FROM session_facts ${where.sql}
		GROUP BY start ORDER BY start`,
		where.params
	);
}
