import { ALL_TECHNIQUES, FINEST_GRAIN, OTHER_TECHNIQUES, type TrendGrain, type TrendStep } from '$lib/queries';
import type { OverviewTrend } from './overview';

/** Coarser steps in the order they are tried. */
const STEPS: readonly TrendStep[] = ['month', 'quarter', 'year'];

/** A step is kept when at least this share of the heavy line's points can be shown. */
export const SHOWN_LINE_SHARE = 0.75;
/** A technique with fewer than this share of its points shown is pooled (when two or more are). */
export const SHOWN_TECHNIQUE_SHARE = 0.5;

/** The trends protected at a grain, and whether they were read from the rollups. */
export interface GrainedTrends {
	trends: OverviewTrend[];
	fromRollups: boolean;
}

/** The share of a trend's heavy-line points (all techniques) that are shown; 1 when it has none. */
export function shownLineShare(trend: OverviewTrend): number {
	const line = trend.rows.filter((r) => r.technique === ALL_TECHNIQUES);
	return line.length === 0 ? 1 : line.filter((r) => !r.suppressed).length / line.length;
}

/** Techniques with fewer than half their points shown, but not the picked one: pooled only when two or more are. */
export function techniquesToPool(trend: OverviewTrend, picked: string | null): string[] {
	const points = new Map<string, { all: number; shown: number }>();
	for (const r of trend.rows) {
		if (r.technique === ALL_TECHNIQUES || r.technique === OTHER_TECHNIQUES || r.technique === picked) continue;
		const p = points.get(r.technique) ?? { all: 0, shown: 0 };
		points.set(r.technique, { all: p.all + 1, shown: p.shown + (r.suppressed ? 0 : 1) });
	}
	const small = [...points].filter(([, p]) => p.shown < SHOWN_TECHNIQUE_SHARE * p.all).map(([code]) => code);
	return small.length >= 2 ? small.sort() : [];
}

/**
 * The finest grain at which most of the trend's points can be shown, for a small practice whose months have too few
 * clients: the month, else the quarter, else the year, where at least 3/4 of the pain chart's heavy line is shown;
 * then the techniques mostly hidden at that step pooled as "Other techniques". Each grain is computed again from the
 * clients (distinct clients do not add up across months or techniques), and protected as the months are.
 */
export async function chooseGrain(
	trendsAt: (grain: TrendGrain) => Promise<GrainedTrends>,
	picked: string | null
): Promise<GrainedTrends & { grain: TrendGrain }> {
	let grain = FINEST_GRAIN;
	let result = await trendsAt(grain);
	// A chart hidden whole (fewer than k clients) is hidden at any grain.
	if (!result.trends[0] || result.trends[0].clients === null) return { ...result, grain };
	for (const step of STEPS.slice(1)) {
		if (shownLineShare(result.trends[0]) >= SHOWN_LINE_SHARE) break;
		grain = { step, pooled: [] };
		result = await trendsAt(grain);
	}
	const pooled = techniquesToPool(result.trends[0], picked);
	if (pooled.length === 0) return { ...result, grain };
	grain = { ...grain, pooled };
	return { ...(await trendsAt(grain)), grain };
}
