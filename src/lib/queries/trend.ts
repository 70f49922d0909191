import type { Measure } from '$lib/measures';

/** The technique value of a month's total over all techniques. */
export const ALL_TECHNIQUES = '(all)';

/** One month x technique point of a trend chart, before suppression. */
export interface TrendRow {
	/** `YYYY-MM`. */
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
