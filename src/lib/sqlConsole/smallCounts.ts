import { quoteIdentifier, type Connector } from '$lib/db';
import type { PagedResult, ResultColumn } from './pagedQuery';

/** Column names that usually hold a count of people or visits: `n`, `count_star()`, `clients`, `n_sessions`, … */
const COUNT_NAME = /count|cnt|(^|_)(n|num|number|freq|frequency|total|clients|sessions|patients|people|visits)($|_)/i;

/** A column that looks like a count and has values from 1 to k − 1 in some rows. */
export interface SmallCount {
	column: string;
	/** Rows whose value is between 1 and k − 1. */
	rows: number;
}

/** Whole-number columns named like a count: the only ones the heuristic looks at. */
export function countLikeColumns(columns: readonly ResultColumn[]): ResultColumn[] {
	return columns.filter((c) => c.integer && COUNT_NAME.test(c.name));
}

/**
 * A heuristic, not suppression: finds count-like columns with values from 1 to k − 1, which may be groups smaller
 * than the dashboard would show. It cannot tell whether a column counts clients, sessions or anything else, and it
 * misses small groups hidden in means, rates or differences.
 */
export async function findSmallCounts(db: Connector, result: PagedResult, k: number): Promise<SmallCount[]> {
	const columns = countLikeColumns(result.columns);
	if (!result.table || columns.length === 0 || k <= 1) return [];
	const counts = columns.map((c, i) => `count(*) FILTER (WHERE ${quoteIdentifier(c.name)} BETWEEN 1 AND ?) AS c${i}`);
	const [row] = await db.query<Record<string, number>>(
		`SELECT ${counts.join(', ')} FROM ${result.table}`,
		columns.map(() => k - 1)
	);
	return columns.map((c, i) => ({ column: c.name, rows: row[`c${i}`] })).filter((c) => c.rows > 0);
}
