import { conditionLabel } from '$lib/domain/labels';
import { formatCount } from '$lib/format';
import { ALL_TECHNIQUES, TIMEPOINT_LABELS } from '$lib/queries';
import { partitionSuppressed } from '$lib/stats';
import type { Overview, OverviewTrend } from './overview';

/** Name of the heavy line: the month's mean over the techniques the filter keeps. */
export function overallLabel(overview: Overview): string {
	return overview.filter.techniques.length ? 'Selected techniques' : 'All techniques';
}

/** What the page is about, in words: the condition chosen or all of them. */
export function scopeText(overview: Overview): string {
	const { conditions } = overview.filter;
	return conditions.length === 0 ? 'All conditions' : conditions.map(conditionLabel).join(', ');
}

/** A chart's subtitle: what is shown and its n, or why nothing is. */
export function trendSubtitle(overview: Overview, trend: OverviewTrend): string {
	const what = TIMEPOINT_LABELS[overview.timepoint].toLowerCase();
	if (overview.empty) return `Monthly mean, ${what}. No sessions in this selection.`;
	if (trend.clients === null) return `Monthly mean, ${what}. Fewer than ${overview.k} clients: hidden.`;
	const lead = `Monthly mean, ${what}; heavy line: ${overallLabel(overview).toLowerCase()}`;
	if (trend.nWithheld) return `${lead} · n: all but fewer than ${overview.k} of the ${formatCount(overview.kpis.clients ?? 0)} clients`;
	return `${lead} · n = ${formatCount(trend.clients)} clients, ${formatCount(trend.sessions ?? 0)} sessions`;
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
	return `${hidden} of ${techniques.length} month × technique groups had fewer than ${k} clients (or would reveal one by subtraction) and are hidden to protect privacy.`;
}

/** Shown in place of a chart with nothing to draw. */
export function emptyChartText(overview: Overview, trend: OverviewTrend): string {
	if (overview.empty) return 'No sessions match these filters.';
	if (trend.clients === null) return `Fewer than ${overview.k} clients in this selection: hidden to protect privacy.`;
	if (trend.rows.length > 0) return `Every month × technique group here has fewer than ${overview.k} clients: hidden to protect privacy. Widen the filters to see more.`;
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
