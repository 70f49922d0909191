import { checkedK } from './threshold';

/**
 * A published cell: a count, a mean, a rate, a chart point or a KPI. It declares what it rests on; the engine decides
 * whether it is shown. Pages describe their cells and never suppress by themselves.
 */
export interface DisclosureCell {
	/** Unique within the problem. */
	id: string;
	/** Distinct clients the cell rests on: a count's value, a mean's n, a rate's denominator. */
	clients: number;
	/** For a rate: the clients counted (e.g. responders). Those counted and those not counted must each reach k. */
	counted?: number;
	/** A cell this one goes with: hidden whenever that one is (a group's mean goes with its row). */
	within?: string;
	/**
	 * The same cell's clients in views one control apart (e.g. the same chart point for all conditions when one is
	 * picked): where one differs by 1 to k - 1, the two views together would count a small group by their
	 * difference, so the cell is hidden in the narrower view.
	 */
	neighbours?: readonly number[];
}

/**
 * What the engine protects: the cells of one page or output, and its margins. A margin is a set of cells whose
 * contributions add up to a published total (the rows of a table under its total row, the techniques of one month
 * under the month's all-techniques point); linked tables share cells or totals, so their margins are protected
 * together, in one problem, not one table at a time.
 */
export interface DisclosureProblem {
	k: number;
	cells: readonly DisclosureCell[];
	margins: readonly (readonly string[])[];
}

/** Whether a cell rests on enough clients: k, and for a rate k counted and k not counted. */
export function restsOnK(cell: Pick<DisclosureCell, 'clients' | 'counted'>, k: number): boolean {
	if (cell.clients < k) return false;
	return cell.counted === undefined || (cell.counted >= k && cell.clients - cell.counted >= k);
}

/** Whether a cell could be shown by itself: it rests on k clients, and no view one control apart differs by fewer. */
export function safeAlone(cell: Pick<DisclosureCell, 'clients' | 'counted' | 'neighbours'>, k: number): boolean {
	if (!restsOnK(cell, k)) return false;
	return !cell.neighbours?.some((n) => n !== cell.clients && Math.abs(n - cell.clients) < k);
}

/**
 * The one disclosure engine (after sdcTable's protectTable and tau-ARGUS for linked tables; Hundepool et al.,
 * Statistical Disclosure Control, 2012):
 *
 * 1. Primary suppression: a cell from fewer than k clients (a rate: with fewer than k counted or not counted), or
 *    one whose view one control apart counts 1 to k - 1 clients more or fewer (differencing).
 * 2. Complementary suppression, margin by margin: where a margin holds hidden cells, they must together rest on k
 *    clients and more, or the total minus the shown cells gives a small group back (its count, its mean's sum, its
 *    rate's numerator). Shown cells are hidden, smallest first, until one hidden cell is safe by itself.
 * 3. A cell goes with the cell it is `within` (a mean with its row).
 *
 * The three repeat until nothing more is hidden, so a cell hidden for one margin is accounted for in every other
 * margin it belongs to (linked tables). The hidden set only grows and is bounded, so the loop ends.
 */
export function protect(problem: DisclosureProblem): Set<string> {
	const k = checkedK(problem.k);
	const byId = new Map(problem.cells.map((cell) => [cell.id, cell]));
	const hidden = new Set(problem.cells.filter((cell) => !safeAlone(cell, k)).map((cell) => cell.id));
	const margins = problem.margins.map((ids) => ids.map((id) => byId.get(id)).filter((cell): cell is DisclosureCell => cell !== undefined));
	for (;;) {
		const before = hidden.size;
		for (const cell of problem.cells) if (cell.within !== undefined && hidden.has(cell.within)) hidden.add(cell.id);
		for (const members of margins) {
			for (const cell of complementary(members, (m) => hidden.has(m.id), k, (m) => m)) hidden.add(cell.id);
		}
		if (hidden.size === before) return hidden;
	}
}

/**
 * Complementary suppression within one margin, given which cells are hidden for any reason: the further cells to
 * hide, smallest first, until one hidden cell rests on k clients by itself (restsOnK), so the hidden ones together rest on at least k
 * clients (and, for rates, k counted and k not counted). None when nothing in the margin is hidden or a hidden cell
 * is safe. The one place the rule is written: `protect`, `suppressSmallCells` and the session and dose tables use it.
 */
export function complementary<T>(
	members: readonly T[],
	isHidden: (cell: T) => boolean,
	k: number,
	describe: (cell: T) => Pick<DisclosureCell, 'clients' | 'counted'>
): T[] {
	const hiddenMembers = members.filter(isHidden);
	if (hiddenMembers.length === 0 || hiddenMembers.some((cell) => restsOnK(describe(cell), k))) return [];
	const more: T[] = [];
	for (const cell of members.filter((m) => !isHidden(m)).sort((a, b) => describe(a).clients - describe(b).clients)) {
		more.push(cell);
		if (restsOnK(describe(cell), k)) break;
	}
	return more;
}
