/**
 * Adjusted p-values for many comparisons shown at once, as R's p.adjust computes them. The techniques page adjusts
 * over the contrasts it shows together: every technique against the reference, for one condition and one outcome.
 * Missing p-values (NaN) stay NaN and do not count towards m.
 */
export type Adjustment = 'holm' | 'benjamini-hochberg';

export const ADJUSTMENT_LABELS: Record<Adjustment, string> = {
	holm: 'Holm (family-wise error rate)',
	'benjamini-hochberg': 'Benjamini-Hochberg (false discovery rate)'
};

/** Holm 1979 (Scand J Stat 6:65): the i-th smallest of m is multiplied by m - i + 1, then made non-decreasing. */
export function holm(pValues: readonly number[]): number[] {
	const order = ascending(pValues);
	const m = order.length;
	const adjusted = pValues.map(() => NaN);
	let running = 0;
	order.forEach((index, i) => {
		running = Math.max(running, Math.min(1, (m - i) * pValues[index]));
		adjusted[index] = running;
	});
	return adjusted;
}

/** Benjamini & Hochberg 1995 (JRSS B 57:289): the i-th smallest of m is multiplied by m / i, then made non-increasing from the top. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
	const order = ascending(pValues);
	const m = order.length;
	const adjusted = pValues.map(() => NaN);
	let running = 1;
	for (let i = m - 1; i >= 0; i--) {
		running = Math.min(running, (m / (i + 1)) * pValues[order[i]]);
		adjusted[order[i]] = running;
	}
	return adjusted;
}

/** Either adjustment by name. */
export function adjustPValues(pValues: readonly number[], adjustment: Adjustment): number[] {
	if (adjustment === 'holm') return holm(pValues);
	if (adjustment === 'benjamini-hochberg') return benjaminiHochberg(pValues);
	throw new Error(`invalid adjustment: ${adjustment}`);
}

/** Indexes of the non-missing p-values, smallest first (ties keep input order). */
function ascending(pValues: readonly number[]): number[] {
	for (const p of pValues) if (!Number.isNaN(p) && !(p >= 0 && p <= 1)) throw new Error(`invalid p-value: ${p}`);
	return pValues.map((_, i) => i).filter((i) => !Number.isNaN(pValues[i])).sort((a, b) => pValues[a] - pValues[b]);
}
