import { complementary, protect } from './engine';
import { DEFAULT_K } from './threshold';

export interface SuppressionOptions<T> {
	/** Smallest number of distinct clients a shown value may come from. */
	k?: number;
	/** How many distinct clients a row's values come from. */
	clients: (row: T) => number;
	/**
	 * Rows that add up to a shown total (e.g. the techniques of one month) share a group key. Within a group,
	 * hidden rows must together come from at least k clients, or more rows are hidden (smallest first), so a
	 * hidden value cannot be recovered by subtracting the shown ones from the total. A client can be in several
	 * rows, so the hidden rows count as many clients as the largest of them: a safe lower bound.
	 */
	group?: (row: T) => string;
	/** The row's clients in the views one control apart (DisclosureCell.neighbours). */
	neighbours?: (row: T) => readonly number[];
}

export type Suppressed<T> = T & { suppressed: boolean };

/**
 * Marks rows whose client count is below k and blanks every number in them, so a hidden value cannot leak
 * through a tooltip, a table or an export built from the same rows.
 */
export function suppressSmallCells<T extends object>(rows: readonly T[], options: SuppressionOptions<T>): Suppressed<T>[] {
	const id = (i: number) => String(i);
	const margins = new Map<string, string[]>();
	if (options.group) {
		for (const [i, row] of rows.entries()) {
			const key = options.group(row);
			const members = margins.get(key);
			if (members) members.push(id(i));
			else margins.set(key, [id(i)]);
		}
	}
	const hidden = protect({
		k: options.k ?? DEFAULT_K,
		cells: rows.map((row, i) => ({ id: id(i), clients: options.clients(row), neighbours: options.neighbours?.(row) })),
		margins: [...margins.values()]
	});
	return rows.map((row, i) => {
		return hidden.has(id(i)) ? blanked(row) : { ...row, suppressed: false };
	});
}

/** A row hidden: every number in it blanked, so none can leak through a tooltip, a table or an export. */
export function blanked<T extends object>(row: T): Suppressed<T> {
	const blank: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) blank[key] = typeof value === 'number' ? null : value;
	return { ...(blank as T), suppressed: true };
}

/**
 * Secondary suppression of cells that add up to a shown total, given cells already hidden for any reason: the
 * engine's complementary rule for callers that keep their own cell objects (the session and dose tables).
 */
export function secondarySuppression<T>(
	members: readonly T[],
	hidden: ReadonlySet<T>,
	k: number,
	clients: (row: T) => number = (row) => (row as { clients: number }).clients
): T[] {
	return complementary(members, (m) => hidden.has(m), k, (m) => ({ clients: clients(m) }));
}

/** Shown rows and a count of hidden ones, for the chart's note. */
export function partitionSuppressed<T>(rows: readonly Suppressed<T>[]): { shown: Suppressed<T>[]; hidden: number } {
	const shown = rows.filter((r) => !r.suppressed);
	return { shown, hidden: rows.length - shown.length };
}

/** An n is stated only if it is all the clients or leaves out at least k of them: else the gap counts a small group. */
export function statedN(n: number, clients: number, k: number): number | null {
	return n === clients || clients - n >= k ? n : null;
}
