/**
 * Small-cell suppression: nothing computed from fewer than k clients is shown (IPC Ontario's
 * de-identification guidance; k = 11 matches its 0.09 risk threshold). One threshold for every output: `protect` (engine.ts) applies it.
 */
export const DEFAULT_K = 11;
/** The setting may be raised, never lowered below this. */
export const MIN_K = 5;

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
