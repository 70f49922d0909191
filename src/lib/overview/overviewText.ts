import { conditionLabel, techniqueLabel } from '$lib/domain/labels';
import { formatCount } from '$lib/format';
import { ALL_TECHNIQUES, OTHER_TECHNIQUES, TIMEPOINT_LABELS, type TrendGrain } from '$lib/queries';
import { partitionSuppressed } from '$lib/disclosure';
import type { ConditionBar } from '$lib/charts/conditionBarChart';
import type { Overview, OverviewTrend } from './overview';

/** Name of the heavy line: the month's mean over the techniques the filter keeps. */
export function overallLabel(overview: Overview): string {
	return overview.filter.techniques.length ? 'Selected techniques' : 'All techniques';
}

/** A trend's technique label: "Other techniques" for the pooled line. */
export function trendTechniqueLabel(code: string): string {
	return code === OTHER_TECHNIQUES ? 'Other techniques' : techniqueLabel(code);
}

const STEP_WORDS = {
	month: { adjective: 'Monthly', noun: 'month', finer: 'each alone had too few clients to show most months' },
	quarter: { adjective: 'Quarterly', noun: 'quarter', finer: 'months had too few clients to show' },
	year: { adjective: 'Yearly', noun: 'year', finer: 'months and quarters had too few clients to show' }
} as const;

/** How the trends were coarsened, and why, e.g. "Quarterly, and 6 small techniques pooled as Other techniques: …". */
export function grainNote(grain: TrendGrain): string | undefined {
	const pooled = grain.pooled.length;
	if (grain.step === 'month' && pooled === 0) return undefined;
	const step = grain.step === 'month' ? '' : STEP_WORDS[grain.step].adjective;
	const pooling = pooled === 0 ? '' : `${pooled} small techniques (${grain.pooled.map(techniqueLabel).join(', ')}) pooled as Other techniques`;
	return `${[step, pooling].filter(Boolean).join(', and ')}: ${STEP_WORDS[grain.step].finer}.`;
}

/** What the page's key figures are about, in words: the condition chosen or picked, or all of them, and a picked technique. */
export function scopeText(overview: Overview): string {
	const { conditions } = overview.filters.kpis;
	const scope = conditions.length === 0 ? 'All conditions' : conditions.map(conditionLabel).join(', ');
	return overview.picks.technique === null ? scope : `${scope}, ${techniqueLabel(overview.picks.technique)}`;
}

/** A chart's subtitle: what is shown and its n, or why nothing is. */
export function trendSubtitle(overview: Overview, trend: OverviewTrend): string {
	const what = `${STEP_WORDS[overview.grain.step].adjective} mean per client, ${TIMEPOINT_LABELS[overview.timepoint].toLowerCase()}`;
	if (overview.empty) return `${what}. No sessions in this selection.`;
	if (trend.clients === null) return `${what}. Fewer than ${overview.k} clients: hidden.`;
	const lead = `${what}; heavy line: ${overallLabel(overview).toLowerCase()}`;
	if (trend.nWithheld && overview.picks.technique !== null)
		return `${lead} · n: the ${formatCount(overview.kpis.clients ?? 0)} clients of ${techniqueLabel(overview.picks.technique)} and fewer than ${overview.k} others`;
	if (trend.nWithheld) return `${lead} · n: all but fewer than ${overview.k} of the ${formatCount(overview.kpis.clients ?? 0)} clients`;
	// The sessions are withheld when a point of the heavy line is hidden (they would give it back).
	return `${lead} · n = ${formatCount(trend.clients)} clients${trend.sessions === null ? '' : `, ${formatCount(trend.sessions)} sessions`}`;
}

/**
 * Says how many month x technique groups were hidden, so a gap in a line is never mistaken for missing data.
 * Nothing is said when the whole chart is hidden: counting its groups would describe the small group.
 */
export function suppressionNote(overview: Overview, trend: OverviewTrend): string | undefined {
	const techniques = trend.rows.filter((r) => r.technique !== ALL_TECHNIQUES);
	const { shown, hidden } = partitionSuppressed(techniques);
	const k = overview.k;
	if (trend.clients === null || shown.length === 0) return undefined;
	if (hidden === 0) return `Groups of fewer than ${k} clients are hidden to protect privacy; none in this view.`;
	return `${hidden} of ${techniques.length} ${STEP_WORDS[overview.grain.step].noun} × technique groups had fewer than ${k} clients (or would reveal one by subtraction) and are hidden to protect privacy.`;
}

/** Shown in place of a chart with nothing to draw. */
export function emptyChartText(overview: Overview, trend: OverviewTrend): string {
	if (overview.empty) return 'No sessions match these filters.';
	if (trend.clients === null) return `Fewer than ${overview.k} clients in this selection: hidden to protect privacy.`;
	if (trend.rows.length > 0) return `Every ${STEP_WORDS[overview.grain.step].noun} × technique group here has fewer than ${overview.k} clients: hidden to protect privacy. Widen the filters to see more.`;
	return 'No scores of this kind in this selection.';
}

/** What a screen reader hears when new figures arrive. */
export function statusText(overview: Overview): string {
	const scope = scopeText(overview);
	if (overview.empty) return `${scope}: no sessions match these filters.`;
	const { sessions, clients } = overview.kpis;
	if (sessions === null || clients === null) return `${scope}: fewer than ${overview.k} clients, figures hidden.`;
	return `Showing ${scope}: ${formatCount(sessions)} sessions, ${formatCount(clients)} clients.`;
}

/** The conditions chart's bars: the conditions shown, largest first. */
export function conditionBars(overview: Overview, label: (code: string) => string): ConditionBar[] {
	return partitionSuppressed(overview.conditions).shown.map((r) => ({ code: r.condition, label: label(r.condition), clients: r.clients, sessions: r.sessions }));
}

/** The conditions chart's subtitle: what a bar counts, under which pick, and how to pick one. */
export function conditionsSubtitle(overview: Overview): string {
	const technique = overview.picks.technique === null ? '' : ` with ${techniqueLabel(overview.picks.technique)} as the session’s technique`;
	return `Distinct clients by the condition of their sessions${technique}. Click a bar to filter the other charts to that condition; click it again to undo.`;
}

/** Says how many conditions were hidden as small groups. */
export function conditionsNote(overview: Overview): string | undefined {
	const { shown, hidden } = partitionSuppressed(overview.conditions);
	if (shown.length === 0) return undefined;
	if (hidden === 0) return `Conditions with fewer than ${overview.k} clients are hidden to protect privacy; none in this view.`;
	return `${hidden} of ${overview.conditions.length} conditions had fewer than ${overview.k} clients (or would reveal one by subtraction) and are hidden to protect privacy.`;
}

/** Shown in place of the conditions chart when no condition can be shown. */
export function conditionsEmptyText(overview: Overview): string {
	if (overview.conditions.length === 0) return 'No sessions match these filters.';
	return `Every condition here has fewer than ${overview.k} clients: hidden to protect privacy. Widen the filters to see more.`;
}
