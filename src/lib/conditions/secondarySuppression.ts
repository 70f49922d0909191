/**
 * Secondary suppression of cells that add up to a shown total, given cells already hidden for any reason: the rule of
 * suppressSmallCells's `group` option (hide the smallest shown cells until one hidden cell has k clients by itself, so
 * the hidden ones together surely come from k clients), for callers that hide cells by more rules than size.
 * Returns the further cells to hide, smallest first; none when nothing is hidden or a hidden cell already has k.
 */
export function secondarySuppression<T extends { clients: number }>(members: readonly T[], hidden: ReadonlySet<T>, k: number): T[] {
	const hiddenMembers = members.filter((m) => hidden.has(m));
	if (hiddenMembers.length === 0) return [];
	let largest = Math.max(...hiddenMembers.map((m) => m.clients));
	const more: T[] = [];
	for (const member of members.filter((m) => !hidden.has(m)).sort((a, b) => a.clients - b.clients)) {
		if (largest >= k) break;
		more.push(member);
		largest = Math.max(largest, member.clients);
	}
	return more;
}
