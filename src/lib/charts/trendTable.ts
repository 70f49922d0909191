import { ALL_TECHNIQUES, type TrendRow } from '$lib/queries';
import type { Suppressed } from '$lib/stats';

/** One cell of the table alternative: a mean with its n, or a suppressed or empty group. */
export type TrendCell =
	| { kind: 'value'; mean: number; clients: number }
	| { kind: 'suppressed' }
	| { kind: 'empty' };

export interface TrendTable {
	/** Technique codes in column order; ALL_TECHNIQUES (the month's total) first when present. */
	techniques: string[];
	rows: { month: string; cells: TrendCell[] }[];
}

/** Months down, techniques across: the same numbers the chart draws, as a table a screen reader can walk. */
export function trendTable(points: readonly Suppressed<TrendRow>[]): TrendTable {
	// The all-techniques column first, then techniques by code.
	const techniques = [...new Set(points.map((p) => p.technique))].sort((a, b) =>
		a === ALL_TECHNIQUES ? -1 : b === ALL_TECHNIQUES ? 1 : a.localeCompare(b)
	);
	const months = [...new Set(points.map((p) => p.month))].sort();
	const byKey = new Map(points.map((p) => [`${p.month}|${p.technique}`, p]));
	return {
		techniques,
		rows: months.map((month) => ({
			month,
			cells: techniques.map((technique): TrendCell => {
				const p = byKey.get(`${month}|${technique}`);
				if (!p) return { kind: 'empty' };
				if (p.suppressed) return { kind: 'suppressed' };
				return { kind: 'value', mean: p.mean, clients: p.clients };
			})
		}))
	};
}
