import { ALL_TECHNIQUES, type TrendRow } from '$lib/queries';
import type { Suppressed } from '$lib/disclosure';

/**
 * One cell of the table alternative: a mean with its n, or nothing. A hidden group and a group with no data look
 * the same, so the table does not tell when or with which technique a small group was treated.
 */
export type TrendCell = { kind: 'value'; mean: number; clients: number } | { kind: 'none' };

export interface TrendTable {
	/** Technique codes in column order; ALL_TECHNIQUES (the month's total) first when present. */
	techniques: string[];
	rows: { month: string; cells: TrendCell[] }[];
}

/**
 * Months down, techniques across: the numbers the chart draws, as a table a screen reader can walk. Only months
 * and techniques with at least one shown value appear.
 */
export function trendTable(points: readonly Suppressed<TrendRow>[]): TrendTable {
	const shown = points.filter((p) => !p.suppressed);
	const techniques = [...new Set(shown.map((p) => p.technique))].sort((a, b) =>
		a === ALL_TECHNIQUES ? -1 : b === ALL_TECHNIQUES ? 1 : a.localeCompare(b)
	);
	const months = [...new Set(shown.map((p) => p.month))].sort();
	const byKey = new Map(shown.map((p) => [`${p.month}|${p.technique}`, p]));
	return {
		techniques,
		rows: months.map((month) => ({
			month,
			cells: techniques.map((technique): TrendCell => {
				const p = byKey.get(`${month}|${technique}`);
				return p ? { kind: 'value', mean: p.mean, clients: p.clients } : { kind: 'none' };
			})
		}))
	};
}
