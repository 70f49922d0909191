import { clinicLabel, conditionLabel } from '$lib/domain/labels';
import { formatCount } from '$lib/format';
import type { Measure } from '$lib/queries';
import type { TherapistAnalysis, TherapistResult } from './therapistAnalysis';

const signed = new Intl.NumberFormat('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const plain = new Intl.NumberFormat('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A difference with its sign, e.g. "+0.48" (a zero has none). */
export function formatDifference(x: number): string {
	return signed.format(x);
}

/** A mean change, e.g. "1.72". */
export function formatChange(x: number): string {
	return plain.format(x);
}

/** The outcome as a change, e.g. "Pain improvement (0-10)". */
export function improvementLabel(measure: Measure): string {
	const { measure: name, min, max } = measure.instrument;
	return `${name} improvement (${min}-${max})`;
}

/** Accessible name of the interval chart, naming the measure. */
export function intervalTitle(measure: Measure): string {
	return `${improvementLabel(measure)} by home therapist, adjusted for case mix`;
}

/** Accessible name of the funnel plot, naming the measure. */
export function funnelTitle(measure: Measure): string {
	return `Funnel plot: ${improvementLabel(measure).replace(/^\w/, (c) => c.toLowerCase())} by home therapist against clients (n), adjusted for case mix`;
}

/** The axis of adjusted differences. */
export function differenceAxisLabel(measure: Measure): string {
	return `${measure.instrument.measure} improvement vs expected (points)`;
}

/** Which clients the page is about, in words. */
export function scopeText(analysis: TherapistAnalysis): string {
	const { condition, clinic } = analysis.filter;
	const who = condition === null ? 'all conditions' : conditionLabel(condition);
	const where = clinic === null ? 'all clinics' : `${clinicLabel(clinic)} clinic`;
	return `${who}, ${where}`;
}

/** What is shown and its n, under each figure. */
export function figureSubtitle(analysis: TherapistAnalysis): string {
	if (analysis.clients === null || !analysis.model) return '';
	return `${formatCount(analysis.clients)} clients with 2+ sessions (${scopeText(analysis)}) · 0 = the clinic’s expectation for the same case mix · residual SD ${formatChange(analysis.model.sigma)} points`;
}

/** Where a therapist falls, worded as an association. */
export function positionText(result: TherapistResult): string {
	if (!result.adjusted || !result.position) return 'Not available';
	if (result.position === 'within') return 'Within the expected range';
	if (result.position === 'beyond95') return 'Within the expected range (outside the 95% limits, as about 1 in 20 are by chance)';
	const more = result.adjusted.mean > 0 ? 'more' : 'less';
	return `Outside the expected range: clients improved ${more} than expected for their case mix`;
}

/** Says how many therapists were hidden, never which. */
export function suppressionNote(analysis: TherapistAnalysis): string {
	const { k, hidden } = analysis;
	if (analysis.clients === null) return `Fewer than ${k} clients in this selection: hidden to protect privacy.`;
	if (hidden === 0) return `Therapists with fewer than ${k} clients are hidden to protect privacy; none in this view.`;
	const therapists = hidden === 1 ? '1 therapist is' : `${hidden} therapists are`;
	return `${therapists} hidden to protect privacy: fewer than ${k} clients, or hidden so that another’s figures cannot be worked out from the clinic’s.`;
}

/** Shown in place of the figures when there is nothing to draw. */
export function emptyText(analysis: TherapistAnalysis): string {
	if (analysis.empty) return 'No clients with 2+ sessions match these filters.';
	if (analysis.clients === null) return `Fewer than ${analysis.k} clients in this selection: hidden to protect privacy.`;
	if (analysis.therapists.length === 0) return `Every home therapist here has fewer than ${analysis.k} clients: hidden to protect privacy. Widen the filters to see more.`;
	return 'The case-mix model could not be fitted to this selection (too few clients for its conditions and techniques).';
}

/** What a screen reader hears when new figures arrive. */
export function statusText(analysis: TherapistAnalysis): string {
	const scope = scopeText(analysis);
	if (analysis.empty) return `${scope}: no clients with 2+ sessions.`;
	if (analysis.clients === null) return `${scope}: fewer than ${analysis.k} clients, figures hidden.`;
	const outside = analysis.therapists.filter((t) => t.position === 'outside').length;
	return `Showing ${analysis.therapists.length} home therapists for ${scope}; ${outside} outside the expected range.`;
}

/** What the page says instead of its comparison when no session names its therapist. */
export const NO_THERAPISTS_TEXT =
	'This dataset holds no therapist ids (a researcher export leaves them out, as does a file without a therapist column), so there is nothing to compare by therapist.';
