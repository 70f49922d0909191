import type { Connector } from '$lib/db';
import { filterWhere, type OutcomeFilter } from '$lib/measures';

/** Clients and sessions of one primary condition, before suppression. */
export interface ConditionClientsRow {
	condition: string;
	clients: number;
	sessions: number;
}

/** Distinct clients and sessions by the session's primary condition over the filtered sessions, largest first. */
export async function queryConditionClients(db: Connector, filter: OutcomeFilter): Promise<ConditionClientsRow[]> {
	const where = filterWhere(filter);
	return db.query<ConditionClientsRow & Record<string, unknown>>(
		`SELECT condition, CAST(count(*) AS INTEGER) AS clients, CAST(sum(sessions) AS INTEGER) AS sessions
		FROM (
			-- Sessions per client and condition first: counting those rows counts distinct clients, without DISTINCT.
			SELECT primary_condition AS condition, client_key, count(*) AS sessions
			FROM session_facts ${where.sql}
			GROUP BY primary_condition, client_key
		)
		GROUP BY condition ORDER BY clients DESC, condition`,
		where.params
	);
}

/**
 * Each condition's distinct clients in the four month ranges one month apart from the filter's (one month more or
 * fewer at either end; an open end counts from the data's first or to its last month; a range of one month cannot
 * shrink, and counts 0 there), for the disclosure engine's
 * differencing rule: a condition whose count differs from one of these by 1 to k - 1 is hidden. One scan: each
 * client's condition rows say in which of the edge months and the range's inner months they were seen.
 */
export async function queryConditionNeighbours(db: Connector, filter: OutcomeFilter): Promise<Map<string, number[]>> {
	const where = filterWhere({ ...filter, from: null, to: null });
	const bound = (month: string | null, open: string) => (month === null ? open : 'CAST(? AS DATE)');
	const params = [filter.from, filter.to].filter((m): m is string => m !== null).map((m) => `${m}-01`);
	const rows = await db.query<{ condition: string; counts: number[] }>(
		`WITH span AS (
			SELECT ${bound(filter.from, 'first_month')} AS lo, ${bound(filter.to, 'last_month')} AS hi
			FROM (SELECT min(month) AS first_month, max(month) AS last_month FROM session_facts)
		),
		seen AS (
			SELECT primary_condition AS condition, client_key,
				bool_or(month = lo - INTERVAL 1 MONTH) AS at_before, bool_or(month = lo) AS at_first, bool_or(month > lo AND month < hi) AS in_between,
				bool_or(month = hi) AS at_last, bool_or(month = hi + INTERVAL 1 MONTH) AS at_after
			FROM session_facts, span
			${where.sql ? `${where.sql} AND` : 'WHERE'} month BETWEEN lo - INTERVAL 1 MONTH AND hi + INTERVAL 1 MONTH
			GROUP BY primary_condition, client_key
		)
		SELECT condition, [
			count(*) FILTER (WHERE at_before OR at_first OR in_between OR at_last),
			count(*) FILTER (WHERE lo < hi AND (in_between OR at_last)),
			count(*) FILTER (WHERE lo < hi AND (at_first OR in_between)),
			count(*) FILTER (WHERE at_first OR in_between OR at_last OR at_after)
		]::INTEGER[] AS counts
		FROM seen, span GROUP BY condition`,
		[...params, ...where.params]
	);
	return new Map(rows.map((r) => [r.condition, [...r.counts]]));
}
