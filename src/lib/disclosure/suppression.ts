/**
 * Small-cell suppression: nothing computed from fewer than k clients is shown (IPC Ontario's
 * de-identification guidance; k = 11 matches its 0.09 risk threshold). One mechanism for every chart and table.
 */
export const DEFAULT_K = 11;
/** The setting may be raised, never lowered below this. */
export const MIN_K = 5;

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
}

export type Suppressed<T> = T & { suppressed: boolean };

/**
 * The threshold of the "only me" view: on the screen of the person who holds a kept dataset, every group is shown
 * (flagged when it rests on fewer than the setting's k clients). Never used for anything that leaves the browser.
 */
export const HOLDER_K = 1;

/** A threshold for what is shown on screen: the setting's k (at least MIN_K), or HOLDER_K in the "only me" view. */
export function checkedK(k: number = DEFAULT_K): number {
	if (k === HOLDER_K) return k;
	return sharedK(k);
}

/** A threshold for what leaves the browser (reports, exports, chart files): at least MIN_K, whatever the view. */
export function sharedK(k: number = DEFAULT_K): number {
	if (!Number.isInteger(k) || k < MIN_K) throw new Error(`invalid k: ${k} (the minimum group size is ${MIN_K})`);
	return k;
}

/**
 * Marks rows whose client count is below k and blanks every number in them, so a hidden value cannot leak
 * through a tooltip, a table or an export built from the same rows.
 */
export function suppressSmallCells<T extends object>(rows: readonly T[], options: SuppressionOptions<T>): Suppressed<T>[] {
	const k = checkedK(options.k);
	const hidden = new Set(rows.filter((row) => options.clients(row) < k));
	if (options.group) hideComplements(rows, hidden, k, options.clients, options.group);
	return rows.map((row) => {
		if (!hidden.has(row)) return { ...row, suppressed: false };
		const blanked: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(row)) blanked[key] = typeof value === 'number' ? null : value;
		return { ...(blanked as T), suppressed: true };
	});
}

/** Within each group, secondary suppression (secondarySuppression) of the rows that add up to its total. */
function hideComplements<T>(rows: readonly T[], hidden: Set<T>, k: number, clients: (row: T) => number, group: (row: T) => string) {
	const groups = new Map<string, T[]>();
	for (const row of rows) groups.set(group(row), [...(groups.get(group(row)) ?? []), row]);
	for (const members of groups.values()) for (const more of secondarySuppression(members, hidden, k, clients)) hidden.add(more);
}

/**
 * Secondary suppression of cells that add up to a shown total, given cells already hidden for any reason: hide the
 * smallest shown cells until one hidden cell has k clients by itself, so the hidden ones together surely come from k
 * clients. Returns the further cells to hide, smallest first; none when nothing is hidden or a hidden cell already
 * has k. The one place the rule is written: suppressSmallCells's `group` option and the conditions page use it.
 */
export function secondarySuppression<T>(
	members: readonly T[],
	hidden: ReadonlySet<T>,
	k: number,
	clients: (row: T) => number = (row) => (row as { clients: number }).clients
): T[] {
	const hiddenMembers = members.filter((m) => hidden.has(m));
	if (hiddenMembers.length === 0) return [];
	let largest = Math.max(...hiddenMembers.map(clients));
	const more: T[] = [];
	for (const member of members.filter((m) => !hidden.has(m)).sort((a, b) => clients(a) - clients(b))) {
		if (largest >= k) break;
		more.push(member);
		largest = Math.max(largest, clients(member));
	}
	return more;
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
