import type { Connector } from '$lib/db';
import { measureExpression, type Measure, type Timepoint } from './measures';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** One month x technique point of a trend chart, before suppression. */
export interface TrendRow {
	/** `YYYY-MM`. */
	month: string;
	technique: string;
	mean: number;
	sessions: number;
	clients: number;
}

/** Monthly mean of a measure by primary technique, with the sessions and distinct clients behind each mean. */
export async function queryTrend(db: Connector, filter: OutcomeFilter, measure: Measure, timepoint: Timepoint): Promise<TrendRow[]> {
	const value = measureExpression(measure, timepoint);
	const where = filterWhere(filter);
	return db.query<TrendRow & Record<string, unknown>>(
		`SELECT strftime(month, '%Y-%m') AS month, primary_technique AS technique,
			avg(${value}) AS mean,
			CAST(count(${value}) AS INTEGER) AS sessions,
			CAST(count(DISTINCT client_id) FILTER (WHERE ${value} IS NOT NULL) AS INTEGER) AS clients
		FROM session_facts ${where.sql}
		GROUP BY ALL
		HAVING count(${value}) > 0
		ORDER BY month, technique`,
		where.params
	);
}
