import type { Connector } from '$lib/db';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

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
		`SELECT primary_condition AS condition, CAST(count(DISTINCT client_id) AS INTEGER) AS clients,
			CAST(count(*) AS INTEGER) AS sessions
		FROM session_facts ${where.sql}
		GROUP BY 1 ORDER BY clients DESC, condition`,
		where.params
	);
}
