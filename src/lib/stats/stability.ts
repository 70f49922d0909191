/** Estimates from fewer clients than this are flagged as unstable (docs/statistics.md; a convention of this dashboard). */
export const UNSTABLE_N = 20;

/** Whether an estimate from n clients is too small to be read as stable: n < 20. */
export function isUnstable(n: number): boolean {
	return n < UNSTABLE_N;
}
