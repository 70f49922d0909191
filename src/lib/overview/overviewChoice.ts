import { NO_FILTER, type OutcomeFilter, type Timepoint } from '$lib/queries';
import { NO_PICKS, type ChartPicks } from './crossFilter';

/** What the overview is computed for: the filter, the charts' timepoint and k (the smallest group shown). */
export interface OverviewChoice {
	filter: OutcomeFilter;
	/** Groups picked by clicking a chart. */
	picks: ChartPicks;
	timepoint: Timepoint;
	k: number;
}

/** The overview as it first opens: every session, nothing picked, scores before the session. */
export function firstOverviewChoice(k: number): OverviewChoice {
	return { filter: NO_FILTER, picks: NO_PICKS, timepoint: 'pre', k };
}

/** A choice as one string, its parts in a fixed order: equal choices give equal keys. */
export function choiceKey({ filter, picks, timepoint, k }: OverviewChoice): string {
	return JSON.stringify({
		filter: { from: filter.from, to: filter.to, techniques: filter.techniques, conditions: filter.conditions, therapists: filter.therapists, clinics: filter.clinics },
		picks: { technique: picks.technique, condition: picks.condition },
		timepoint,
		k
	});
}
