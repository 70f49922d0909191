import { conditionLabel, techniqueLabel } from '$lib/domain/labels';
import { formatCount, formatScore, formatShare } from '$lib/format';
import { COURSE_END_LABELS } from '$lib/measures';
import type { Proportion } from '$lib/stats/proportion';
import type { RomChoice, RomResults } from './romAnalysis';

/** Degrees with one decimal and the degree sign, e.g. "12.5°". */
export function formatDegrees(x: number): string {
	return `${formatScore(x)}°`;
}

/** A % of normal with one decimal, e.g. "68.4%". */
export function formatPercentOfNormal(x: number): string {
	return `${formatScore(x)}%`;
}

/** A share and its Wilson 95% interval, e.g. "50% (44% to 57%)". */
export function formatProportion(share: Proportion): string {
	return `${formatShare(share.rate)} (${formatShare(share.lower)} to ${formatShare(share.upper)})`;
}

/** The selection in words: "Neck pain, courses started with Swedish (relaxation)". */
export function choiceText(choice: RomChoice): string {
	const condition = choice.condition === null ? 'All conditions' : conditionLabel(choice.condition);
	const technique = choice.technique === null ? 'any course technique' : `courses started with ${techniqueLabel(choice.technique)}`;
	return `${condition}, ${technique}`;
}

/** How the course is measured, for chart subtitles. */
export function courseEndText(choice: RomChoice): string {
	return COURSE_END_LABELS[choice.end].toLowerCase();
}

/**
 * Says how many movements were hidden, never which: naming one would say which small group was there. Nothing
 * is said about a hidden estimate inside a shown row here; its cell says so.
 */
export function hiddenMovementsNote(results: RomResults): string {
	const { hiddenMovements: hidden, k } = results;
	if (hidden === 0) return `Movements measured in fewer than ${k} clients are hidden to protect privacy; none in this view.`;
	const what = hidden === 1 ? '1 movement was' : `${hidden} movements were`;
	return `${what} measured in fewer than ${k} clients and ${hidden === 1 ? 'is' : 'are'} hidden to protect privacy.`;
}

/** Shown in place of the results when there is nothing to show, and why. */
export function emptyResultsText(results: RomResults): string {
	if (results.movements.length > 0) return '';
	if (results.hiddenMovements > 0) return `Every movement in this selection was measured in fewer than ${results.k} clients: hidden to protect privacy. Choose a wider selection.`;
	return 'No range-of-motion measurements in this selection.';
}

/** What a screen reader hears when new figures arrive. */
export function romStatusText(results: RomResults): string {
	const scope = choiceText(results.choice);
	const shown = results.movements.length;
	if (shown === 0) return `${scope}: ${emptyResultsText(results)}`;
	const hidden = results.hiddenMovements ? `; ${formatCount(results.hiddenMovements)} hidden for privacy` : '';
	return `Showing ${scope}: ${formatCount(shown)} ${shown === 1 ? 'movement' : 'movements'}${hidden}.`;
}

/**
 * The note under a chart: movements shown in the table but not charted (too few clients with a course; they are
 * named in the table already), then the movements hidden whole (counted, never named).
 */
export function romChartNote(results: RomResults, charted: number): string {
	const missing = results.movements.length - charted;
	const notCharted =
		missing > 0
			? `${missing} ${missing === 1 ? 'movement has' : 'movements have'} fewer than ${results.k} clients measured in two or more sessions: not charted (see the table). `
			: '';
	return `${notCharted}${hiddenMovementsNote(results)}`;
}

/** Each MDC source once, with the movements shown that use it. */
export function mdcSources(results: RomResults): { movements: string; source: string }[] {
	const bySource = new Map<string, string[]>();
	for (const { movement } of results.movements) bySource.set(movement.mdc_source, [...(bySource.get(movement.mdc_source) ?? []), movement.label]);
	return [...bySource].map(([source, labels]) => ({ movements: labels.join(', '), source }));
}
