import { quoteLiteral, type Connector } from '$lib/db';
import { measureExpression, type Measure, type Timepoint } from './measures';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** The technique value of a month's total over all techniques. */
export const ALL_TECHNIQUES = '(all)';

/** One month x technique point of a trend chart, before suppression. */
export interface TrendRow {
	/** `YYYY-MM`. */
	month: string;
	technique: string;
	mean: number;
	sessions: number;
	clients: number;
}

/**
 * Monthly mean of a measure by primary technique, plus each month's total over all techniques
 * (technique = ALL_TECHNIQUES), with the sessions and distinct clients behind each mean.
 */
export async function queryTrend(db: Connector, filter: OutcomeFilter, measure: Measure, timepoint: Timepoint): Promise<TrendRow[]> {
	const value = measureExpression(measure, timepoint);
	const where = filterWhere(filter);
	return db.query<TrendRow & Record<string, unknown>>(
		`SELECT strftime(month, '%Y-%m') AS month, CASE WHEN grouping(primary_technique) = 1 THEN ${quoteLiteral(ALL_TECHNIQUES)} ELSE primary_technique END AS technique,
			avg(${value}) AS mean,
			CAST(count(${value}) AS INTEGER) AS sessions,
			CAST(count(DISTINCT client_id) FILTER (WHERE ${value} IS NOT NULL) AS INTEGER) AS clients
		FROM session_facts ${where.sql}
		GROUP BY GROUPING SETS ((month, primary_technique), (month))
		HAVING count(${value}) > 0
		ORDER BY month, grouping(primary_technique) DESC, technique`,
		where.params
	);
}
