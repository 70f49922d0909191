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

