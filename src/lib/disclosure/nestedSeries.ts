import { checkedK } from './threshold';

export interface NestedSeriesOptions {
	/** Smallest number of clients a shown count, or the difference of two shown counts, may stand for. */
	k?: number;
}

/**
 * Step suppression for a series of nested counts, such as the clients still attending at session 1, 2, 3…: the
 * clients at one point are (nearly) a subset of those at the point before, so the difference of two shown counts
 * counts a group too (the clients who stopped in between). Walking the series in order, a point is shown only if
 * its count is at least k and differs from every point shown before it by 0 or by at least k; otherwise it is hidden
 * and the next point is compared with the shown ones. While counts never rise this is the same as comparing with the
 * last shown point; comparing with all of them also covers counts that rise a little (a client who skipped a score at
 * one session and gave one at the next), so any two shown counts differ by 0 or by at least k.
 *
 * `counts` is in series order; null marks a point hidden already by another rule: it stays hidden and is never
 * compared with. Returns, per point, whether it is hidden.
 */
export function suppressNestedSeries(counts: readonly (number | null)[], options: NestedSeriesOptions = {}): boolean[] {
	const k = checkedK(options.k);
	const shown: number[] = [];
	return counts.map((n) => {
		if (n === null) return true;
		if (!Number.isInteger(n) || n < 0) throw new Error(`invalid count: ${n}`);
		const hidden = n < k || shown.some((m) => m !== n && Math.abs(m - n) < k);
		if (!hidden) shown.push(n);
		return hidden;
	});
}
