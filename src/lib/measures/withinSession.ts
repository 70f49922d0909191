import { filterWhere, type OutcomeFilter, type SqlFragment } from './filter';
import type { Measure } from './outcomes';

/**
 * An improvement from one score to a later one, signed so that improvement is positive whichever way the instrument
 * scores: earlier - later where lower is better, later - earlier otherwise. The one place the sign convention is
 * written (Lakens 2013 reports changes the same way).
 */
export function improvementSql(better: 'lower' | 'higher', earlier: string, later: string): string {
	return better === 'lower' ? `(${earlier} - ${later})` : `(${later} - ${earlier})`;
}

/**
 * A session's within-session change, signed so that improvement is positive: pre - post where lower is better,
 * post - pre where higher is better; range of motion reads its paired change column (the mean over movement and side
 * pairs measured both times, where the difference of the two means would mix pairs). The one place it is written.
 */
export function withinSessionChangeSql(measure: Measure): string {
	if (measure.changeColumn) return measure.changeColumn;
	return improvementSql(measure.instrument.better, measure.preColumn, measure.postColumn);
}

/** What the within-session summary can be grouped by: session columns only, never user input. */
export type WithinSessionGroup = 'primary_technique' | 'primary_condition' | null;

/**
 * One row per client (and group): each client's mean within-session change over their filtered sessions with a
 * change, and their mean scores before and after over those same sessions (for d_av). A client with many visits
 * counts once: n is clients. Columns: grp, client_id, sessions, change, pre, post.
 */
export function withinSessionClientsSql(measure: Measure, filter: OutcomeFilter, group: WithinSessionGroup = null): SqlFragment {
	const where = filterWhere(filter);
	const change = withinSessionChangeSql(measure);
	const grp = group ?? `'all'`;
	return {
		sql: `SELECT ${grp} AS grp, client_id,
				CAST(count(${change}) AS INTEGER) AS sessions,
				avg(${change}) AS change,
				avg(${measure.preColumn}) FILTER (WHERE ${change} IS NOT NULL) AS pre,
				avg(${measure.postColumn}) FILTER (WHERE ${change} IS NOT NULL) AS post
			FROM session_facts ${where.sql}
			GROUP BY ALL
			HAVING count(${change}) > 0`,
		params: where.params
	};
}

/** One group's within-session change over clients, before suppression. */
export interface WithinSessionSummary {
	/** Technique or condition code; `all` when not grouped. */
	group: string;
	/** Clients with at least one session scored before and after. */
	clients: number;
	/** Those clients' sessions scored before and after. */
	sessions: number;
	/** Mean over clients of each client's mean change. */
	mean: number | null;
	/** SD of the clients' mean changes (for the CI and d_z). */
	sd: number | null;
	/** SD of the clients' mean scores before and after (for d_av). */
	sdPre: number | null;
	sdPost: number | null;
}

/** Within-session change per group, n = clients (withinSessionClientsSql), as WithinSessionSummary rows. */
export function withinSessionSummarySql(measure: Measure, filter: OutcomeFilter, group: WithinSessionGroup = null): SqlFragment {
	const clients = withinSessionClientsSql(measure, filter, group);
	return {
		sql: `SELECT grp AS "group", CAST(count(*) AS INTEGER) AS clients, CAST(sum(sessions) AS INTEGER) AS sessions,
				avg(change) AS mean, stddev_samp(change) AS sd, stddev_samp(pre) AS sdPre, stddev_samp(post) AS sdPost
			FROM (${clients.sql})
			GROUP BY grp
			ORDER BY grp`,
		params: clients.params
	};
}
