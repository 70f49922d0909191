import { conditionLabel } from '$lib/domain/labels';
import { formatCount } from '$lib/format';
import { ALL_TECHNIQUES, type Measure } from '$lib/queries';
import { UNSTABLE_N } from '$lib/stats';
import type { ConditionsModel } from './conditionsAnalysis';

/** How each outcome is named in this page's titles: the name, and its scale in brackets. */
const OUTCOME_NAMES: Record<Measure['key'], { name: string; scale: string }> = {
	pain: { name: 'Pain', scale: '0-10' },
	stress: { name: 'Stress', scale: '0-10' },
	sleep: { name: 'Sleep quality', scale: '0-10' },
	rom: { name: 'Range of motion', scale: '% of normal' }
};

/** The outcome select's option text. */
export function outcomeLabel(measure: Measure): string {
	const { name, scale } = OUTCOME_NAMES[measure.key];
	return `${name} (${scale})`;
}

export const OVERALL_LABEL = 'All techniques';

/** Said under each chart drawn as lines: a line runs straight from one shown session to the next shown one. */
const JOINED = 'lines join the sessions shown';

export function scopeText(condition: string | null): string {
	return condition === null ? 'All conditions' : conditionLabel(condition);
}

export function curveTitle(measure: Measure): string {
	return `${outcomeLabel(measure)} by session number and technique`;
}

/** The outcome in lower case, as it reads inside a sentence ("a sleep quality score"). */
function outcomeName(measure: Measure): string {
	return OUTCOME_NAMES[measure.key].name.toLowerCase();
}

/** Attendance counts the curve's clients, so its title names the outcome whose score a session needs to count. */
export function retentionTitle(measure: Measure): string {
	return `Clients still attending, with a ${outcomeName(measure)} score, by session number`;
}

export function doseTitle(measure: Measure): string {
	const { name, scale } = OUTCOME_NAMES[measure.key];
	return `${name} improvement (${scale}) by number of sessions`;
}

/** Column and legend label of a course technique, or of the all-techniques total. */
export function columnLabel(techniqueLabel: (code: string) => string): (technique: string) => string {
	return (technique) => (technique === ALL_TECHNIQUES ? OVERALL_LABEL : techniqueLabel(technique));
}

function hasShown(points: readonly { suppressed: boolean }[]): boolean {
	return points.some((p) => !p.suppressed);
}

export function curveSubtitle(model: ConditionsModel): string {
	const lead =
		`Mean ${outcomeName(model.measure)} before each session, with 95% CI bands, by the technique of the first session; ` +
		`heavy line: ${OVERALL_LABEL.toLowerCase()}; ${JOINED}`;
	const first = model.curves.find((p) => p.session === 1 && p.technique === ALL_TECHNIQUES && !p.suppressed);
	return first ? `${lead} · n = ${formatCount(first.clients)} clients at session 1` : lead;
}

export function retentionSubtitle(model: ConditionsModel): string {
	const name = outcomeName(model.measure);
	const lead =
		`Clients with a ${name} score before that session, as % of those with one at session 1, by the technique of the ` +
		`first session; a session without a ${name} score does not count; ${JOINED}`;
	return model.clients === null ? lead : `${lead} · n = ${formatCount(model.clients)} clients at session 1`;
}

export function doseSubtitle(model: ConditionsModel): string {
	const lead = 'Mean change from the first session’s score before to the last session’s score before (positive = better), with 95% CI';
	if (model.doseClients !== null) return `${lead} · n = ${formatCount(model.doseClients)} clients with 2+ scored sessions`;
	return `${lead} · clients with 2+ scored sessions`;
}

/**
 * How many points were hidden, so a line that stops is never mistaken for missing data; never which group a point
 * would have revealed. Nothing is said when the whole chart is hidden: counting its points would describe the small group.
 */
export function hiddenNote(points: readonly { suppressed: boolean }[], k: number, unit: string): string | undefined {
	const hidden = points.filter((p) => p.suppressed).length;
	if (!hasShown(points)) return undefined;
	if (hidden === 0) return `Groups of fewer than ${k} clients are hidden to protect privacy; none in this chart.`;
	return (
		`Hidden to protect privacy: ${hidden} of ${points.length} ${unit}, which had fewer than ${k} clients or would let ` +
		`a group that small be worked out by subtraction (e.g. the few clients who stopped, or had no score, between two sessions).`
	);
}

/** The note under a chart whose points can be unstable: the privacy note, and what a hollow point means. */
export function stabilityNote(points: readonly { suppressed: boolean; unstable: boolean }[], k: number, unit: string): string | undefined {
	const privacy = hiddenNote(points, k, unit);
	if (!points.some((p) => p.unstable)) return privacy;
	return `${privacy} Hollow points and † in the table: fewer than ${UNSTABLE_N} clients, unstable.`;
}

/** Shown in place of a chart with nothing to draw. */
export function emptyText(points: readonly { suppressed: boolean }[], k: number, measure?: Measure): string {
	if (points.length === 0) {
		return measure ? `No ${outcomeName(measure)} scores for these clients.` : 'No clients for this condition.';
	}
	return `Every point here has fewer than ${k} clients: hidden to protect privacy. Choose “All conditions” to see more.`;
}

/** What a screen reader hears when new figures arrive. */
export function statusText(model: ConditionsModel): string {
	const scope = scopeText(model.condition);
	if (model.clients === null) return `${scope}: fewer than ${model.k} clients, figures hidden.`;
	return `Showing ${scope}, ${outcomeLabel(model.measure).toLowerCase()}: ${formatCount(model.clients)} clients with a score at session 1.`;
}
