import type { Connector } from '$lib/db';
import { measureExpression, type Measure, type Timepoint } from './measures';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** Distinct clients with a value of the measure under the filter: the n a chart states. */
export async function clientsWithMeasure(db: Connector, filter: OutcomeFilter, measure: Measure, timepoint: Timepoint): Promise<number> {
	const where = filterWhere(filter);
	const value = measureExpression(measure, timepoint);
	const [row] = await db.query<{ n: number }>(
		`SELECT CAST(count(DISTINCT client_id) FILTER (WHERE ${value} IS NOT NULL) AS INTEGER) AS n FROM session_facts ${where.sql}`,
		where.params
	);
	return row.n;
}
