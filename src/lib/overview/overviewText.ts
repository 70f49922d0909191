import { conditionLabel } from '$lib/domain/labels';
import { formatCount } from '$lib/format';
import { TIMEPOINT_LABELS } from '$lib/queries';
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
	const sessions = formatCount(trend.sessions ?? 0);
	return `Monthly mean, ${what}; heavy line: ${overallLabel(overview).toLowerCase()} · n = ${formatCount(trend.clients)} clients, ${sessions} sessions`;
}

/** Says how many groups were hidden, so a gap in a line is never mistaken for missing data. */
export function suppressionNote(overview: Overview, trend: OverviewTrend): string {
	const { hidden } = partitionSuppressed(trend.rows);
	const k = overview.k;
	if (hidden === 0) return `Groups of fewer than ${k} clients are hidden to protect privacy; none in this view.`;
	return `${hidden} of ${trend.rows.length} month × technique groups had fewer than ${k} clients (or would reveal one by subtraction) and are hidden to protect privacy.`;
}

/** Shown in place of a chart with nothing to draw. */
export function emptyChartText(overview: Overview, trend: OverviewTrend): string {
	if (overview.empty) return 'No sessions match these filters.';
	if (trend.clients === null) return `Fewer than ${overview.k} clients in this selection: hidden to protect privacy.`;
	if (trend.rows.length > 0) return `Every month × technique group here has fewer than ${overview.k} clients: hidden to protect privacy. Widen the filters to see more.`;
	return 'No scores of this kind in this selection.';
}
