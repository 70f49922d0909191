import type { Measure } from '$lib/measures';

/** The technique value of a month's total over all techniques. */
export const ALL_TECHNIQUES = '(all)';

/** The technique value of the techniques pooled into one line because each alone had too few clients to show. */
export const OTHER_TECHNIQUES = '(other)';

/** How long one point of a trend is. */
export type TrendStep = 'month' | 'quarter' | 'year';

/**
 * The grain of a trend: its time step, and the techniques pooled as OTHER_TECHNIQUES. A small practice's months
 * and techniques have too few clients each to show: coarser points have more.
 */
export interface TrendGrain {
	step: TrendStep;
	/** Technique codes pooled into OTHER_TECHNIQUES, in code order. */
	pooled: readonly string[];
}

export const FINEST_GRAIN: TrendGrain = { step: 'month', pooled: [] };

/** One month x technique point of a trend chart, before suppression. */
export interface TrendRow {
	/** `YYYY-MM`: the month, or the first month of the point's quarter or year. */
	month: string;
	technique: string;
	mean: number;
	sessions: number;
	clients: number;
}

/** A measure's trend: its points, and the distinct clients and sessions behind the whole chart. */
export interface Trend {
	measure: Measure;
	rows: TrendRow[];
	clients: number;
	sessions: number;
}
