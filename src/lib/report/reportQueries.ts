import type { Connector } from '$lib/db';
import { instrument } from '$lib/domain/instruments';
import { filterWhere, NO_FILTER } from '$lib/queries';
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
	/** Mean, over those clients, of each client's mean before - after pain (positive = less pain after). */
	withinMean: number | null;
	withinSd: number | null;
	/**
	 * Courses: clients seen in the period whose first pain score ever was at least the MCID and who were scored
	 * again before a later session in the period. For techniques, a course counts under the technique it started with.
	 */
	courseClients: number;
	/** Mean first-ever pre-session pain minus pre-session pain at the last scored session in the period. */
	courseMean: number | null;
	courseSd: number | null;
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

/** The months with sessions (`YYYY-MM`) and the last session date (`YYYY-MM-DD`). */
export async function queryReportMonths(db: Connector): Promise<{ months: string[]; lastDate: string | null }> {
	const rows = await db.query<{ month: string; last_date: string | null }>(
		`SELECT strftime(month, '%Y-%m') AS month, strftime(max(max(session_date)) OVER (), '%Y-%m-%d') AS last_date
		FROM session_facts GROUP BY month ORDER BY month`
	);
	return { months: rows.map((r) => r.month), lastDate: rows[0]?.last_date ?? null };
}

const GROUP_COLUMN: Record<ReportGrouping, string> = {
	all: `'all'`,
	primary_condition: 'primary_condition',
	primary_technique: 'primary_technique'
};

/** Sessions, clients, within-session and course pain change per group for a period (see ReportGroupRow). */
export async function queryReportGroups(db: Connector, period: Period, grouping: ReportGrouping): Promise<ReportGroupRow[]> {
	const where = filterWhere({ ...NO_FILTER, from: period.from, to: period.to });
	const column = GROUP_COLUMN[grouping];
	const mcid = instrument('pain_nrs').mcid_points;
	return db.query<ReportGroupRow & Record<string, unknown>>(
		`WITH f AS (SELECT * FROM session_facts ${where.sql}),
		per_client AS (
			SELECT ${column} AS grp, client_id, count(*) AS sessions, avg(pain_pre - pain_post) AS within
			FROM f GROUP BY ALL
		),
		seen AS (
			SELECT grp, CAST(sum(sessions) AS INTEGER) AS sessions, CAST(count(*) AS INTEGER) AS clients,
				CAST(count(within) AS INTEGER) AS withinClients, avg(within) AS withinMean, stddev_samp(within) AS withinSd
			FROM per_client GROUP BY grp
		),
		course AS (
			SELECT client_id,
				any_value(primary_condition) AS primary_condition,
				arg_min(primary_technique, session_number) AS primary_technique,
				arg_min(pain_pre, session_number) FILTER (WHERE pain_pre IS NOT NULL) AS baseline,
				min(session_number) FILTER (WHERE pain_pre IS NOT NULL) AS baseline_session,
				arg_max(pain_pre, session_number) FILTER (WHERE pain_pre IS NOT NULL AND month >= CAST(? AS DATE)) AS end_score,
				max(session_number) FILTER (WHERE pain_pre IS NOT NULL AND month >= CAST(? AS DATE)) AS end_session
			FROM session_facts
			WHERE month <= CAST(? AS DATE) AND client_id IN (SELECT client_id FROM f)
			GROUP BY client_id
		),
		courses AS (
			SELECT ${column} AS grp, CAST(count(*) AS INTEGER) AS courseClients, avg(baseline - end_score) AS courseMean,
				stddev_samp(baseline - end_score) AS courseSd,
				CAST(count(*) FILTER (WHERE baseline - end_score >= ?) AS INTEGER) AS courseResponders
			FROM course WHERE end_session > baseline_session AND baseline >= ?
			GROUP BY grp
		)
		SELECT coalesce(seen.grp, courses.grp) AS "group",
			coalesce(seen.sessions, 0) AS sessions, coalesce(seen.clients, 0) AS clients,
			coalesce(seen.withinClients, 0) AS withinClients, seen.withinMean, seen.withinSd,
			coalesce(courses.courseClients, 0) AS courseClients, courses.courseMean, courses.courseSd,
			coalesce(courses.courseResponders, 0) AS courseResponders
		FROM seen FULL JOIN courses ON courses.grp = seen.grp
		ORDER BY sessions DESC, "group"`,
		[...where.params, `${period.from}-01`, `${period.from}-01`, `${period.to}-01`, mcid, mcid]
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
