import { formatChangeEffects, formatCount, formatInterval, formatShare } from '$lib/format';
import type { ChangeEffects, MeanInterval, Proportion } from '$lib/stats';

/** "1.8 (1.5 to 2.1)", or "–" when hidden. */
export function formatMeanInterval(interval: MeanInterval | null): string {
	return interval ? formatInterval(interval) : '–';
}

/**
 * "n 240 · d_z 0.91 · d_av 0.48": a change's n and both effect sizes, named; "n: all but fewer than 11" where the n
 * is withheld (statedN); empty when the change is hidden.
 */
export function formatChangeDetail(interval: MeanInterval | null, n: number | null, effects: ChangeEffects | null, k: number): string {
	if (!interval) return '';
	return `${n === null ? `n: all but fewer than ${k}` : `n ${formatCount(n)}`} · ${formatChangeEffects(effects)}`;
}

/** "42% (35% to 49%)", or "–" when hidden. */
export function formatRate(rate: Proportion | null): string {
	return rate ? `${formatShare(rate.rate)} (${formatShare(rate.lower)} to ${formatShare(rate.upper)})` : '–';
}

/** "+12%" / "−3%" / "no change", or null when there is nothing to compare. */
export function formatChange(change: number | null): string | null {
	if (change === null) return null;
	const rounded = Math.round(change * 100);
	if (rounded === 0) return 'no change';
	return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/**
 * The small-groups note for a table: how many groups were not listed, and how many of the listed groups' changes and
 * rates are hidden (never which), and why, in a sentence.
 */
export function hiddenGroupsNote(hidden: number, noun: string, k: number, hiddenFigures = 0): string {
	const figures =
		hiddenFigures === 0
			? ''
			: ` ${hiddenFigures} change${hiddenFigures === 1 ? '' : 's'} or rate${hiddenFigures === 1 ? '' : 's'} of the listed ${noun}s ${hiddenFigures === 1 ? 'is' : 'are'} shown as – : from fewer than ${k} clients, or hidden so that a small one cannot be worked out from the total.`;
	if (hidden === 0) return `Every ${noun} had at least ${k} clients in the period.${figures}`;
	return `${hidden} ${noun}${hidden === 1 ? '' : 's'} with fewer than ${k} clients (or hidden so a small one cannot be worked out from the total) ${hidden === 1 ? 'is' : 'are'} not listed.${figures}`;
}
