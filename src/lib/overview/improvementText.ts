import type { ImprovementGroup } from '$lib/charts/improvementChart';
import type { ImprovementGroups } from './improvement';

/** The improvement figures' x axis: the measure, its unit and its direction. */
export const IMPROVEMENT_AXIS = 'Pain improvement (0-10 points, higher is better)';
/** The same, for a narrow chart. */
export const IMPROVEMENT_SHORT_AXIS = 'Pain improvement (points)';

/** What both improvement figures show, in one line. */
export const IMPROVEMENT_SUBTITLE =
	'Mean per client with 95% CI. Over a course: pain before the first session minus before the last (clients with 2+ sessions). Within a session: before minus after, each client’s mean over their sessions.';

/** The groups as the chart draws them, labelled. */
export function improvementGroups(groups: ImprovementGroups, label: (code: string) => string): ImprovementGroup[] {
	return groups.rows.map((r) => ({ label: label(r.group), course: r.course, within: r.within }));
}

/** Says how many group estimates were hidden, so a missing group is never taken for one without clients. */
export function improvementNote(groups: ImprovementGroups, k: number, unit: string): string | undefined {
	if (groups.rows.length === 0) return undefined;
	if (groups.hidden === 0) return `Estimates from fewer than ${k} clients are hidden to protect privacy; none in this view.`;
	return `${groups.hidden} of ${groups.total} ${unit} estimates had fewer than ${k} clients (or would reveal one by subtraction) and are hidden to protect privacy.`;
}

/** Shown in place of an improvement figure with nothing to draw. */
export function improvementEmptyText(groups: ImprovementGroups, k: number, empty: boolean): string {
	if (empty || groups.total === 0) return 'No pain changes in this selection.';
	return `Every group here has fewer than ${k} clients: hidden to protect privacy. Widen the filters to see more.`;
}
