import type { OutcomeFilter } from '$lib/queries';

/**
 * Groups picked by clicking a chart. A pick filters every other chart and the key figures; in its own chart it is
 * highlighted instead, so the other groups stay in view to pick from (cross-filtering, as in crossfilter and Mosaic).
 */
export interface ChartPicks {
	/** Picked in a trend chart or its legend. */
	technique: string | null;
	/** Picked in the conditions chart. */
	condition: string | null;
}

export const NO_PICKS: ChartPicks = { technique: null, condition: null };

/** The filter each part of the overview is computed with. */
export interface CrossFilters {
	kpis: OutcomeFilter;
	/** The trend charts, split by technique: every pick but the technique. */
	trends: OutcomeFilter;
	/** The conditions chart: every pick but the condition. */
	conditions: OutcomeFilter;
}

/** The picks that still apply: one the filter bar has since left out of the view is dropped. */
export function effectivePicks(filter: OutcomeFilter, picks: ChartPicks): ChartPicks {
	const allowed = (value: string | null, list: string[]) => (value !== null && (list.length === 0 || list.includes(value)) ? value : null);
	return { technique: allowed(picks.technique, filter.techniques), condition: allowed(picks.condition, filter.conditions) };
}

/** The filter bar's filter narrowed by the picks, for each part of the overview. */
export function crossFilters(filter: OutcomeFilter, picks: ChartPicks): CrossFilters {
	const { technique, condition } = effectivePicks(filter, picks);
	const byTechnique = technique === null ? {} : { techniques: [technique] };
	const byCondition = condition === null ? {} : { conditions: [condition] };
	return {
		kpis: { ...filter, ...byTechnique, ...byCondition },
		trends: { ...filter, ...byCondition },
		conditions: { ...filter, ...byTechnique }
	};
}
