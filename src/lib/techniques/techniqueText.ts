import { techniqueLabel } from '$lib/domain/labels';
import type { IntervalRow } from '$lib/charts/intervalChart';
import type { MeanInterval } from '$lib/stats/meanInterval';
import type { Proportion } from '$lib/stats/proportion';
import { ADJUSTMENT_LABELS } from '$lib/stats/multiplicity';
import type { TechniqueComparison } from './techniqueComparison';

/** A number with two decimals and a true minus sign. */
export function formatNumber(x: number): string {
	return x.toFixed(2).replace('-', '−');
}

/** "67% (55% to 77%), 54 of 81". */
export function formatProportion(p: Proportion): string {
	const pct = (x: number) => `${Math.round(x * 100)}%`;
	return `${pct(p.rate)} (${pct(p.lower)} to ${pct(p.upper)}), ${p.successes} of ${p.n}`;
}

export function formatP(p: number): string {
	return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The measure's short name with its scale, e.g. "Pain (0-10)". */
export function measureName(comparison: TechniqueComparison): string {
	return comparison.options.measure.instrument.label;
}

export function adjustmentName(comparison: TechniqueComparison): string {
	return ADJUSTMENT_LABELS[comparison.options.adjustment];
}

/** Rows of the adjusted comparison chart: every shown technique but the reference, in label order. */
export function adjustedRows(comparison: TechniqueComparison): IntervalRow[] {
	return comparison.techniques
		.filter((t) => t.adjusted)
		.map((t) => ({ label: techniqueLabel(t.technique), estimate: t.adjusted!.estimate, lower: t.adjusted!.lower, upper: t.adjusted!.upper, n: t.clients!, unstable: t.unstable }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** Rows of the responder chart: techniques whose rate can be shown. */
export function responderRows(comparison: TechniqueComparison): IntervalRow[] {
	return comparison.techniques
		.filter((t) => t.responders)
		.map((t) => ({ label: techniqueLabel(t.technique), estimate: t.responders!.rate, lower: t.responders!.lower, upper: t.responders!.upper, n: t.responders!.n, unstable: t.unstable }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** Rows of the within-session chart. */
export function withinRows(comparison: TechniqueComparison): IntervalRow[] {
	return comparison.within
		.filter((w): w is typeof w & { change: MeanInterval } => w.change !== null)
		.map((w) => ({ label: techniqueLabel(w.technique), estimate: w.change.mean, lower: w.change.lower, upper: w.change.upper, n: w.clients!, unstable: w.unstable }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** What the page says about hidden groups: how many, never which. `basis` says how they relate to the k clients. */
export function hiddenNote(count: number, k: number, what: string, basis = 'with'): string | undefined {
	if (count === 0) return undefined;
	return `${count} ${what}${count === 1 ? '' : 's'} ${basis} fewer than ${k} clients ${count === 1 ? 'is' : 'are'} hidden to protect privacy.`;
}
