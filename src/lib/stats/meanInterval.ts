import { checkedLevel, tCritical } from './distributions';
import type { Summary } from './summary';

export interface MeanInterval {
	/** Number of values the mean comes from. */
	n: number;
	mean: number;
	/** Sample standard deviation. */
	sd: number;
	/** Standard error of the mean, sd / √n. */
	se: number;
	/** Degrees of freedom of the t quantile, n - 1. */
	df: number;
	/** Lower end of the interval. */
	lower: number;
	/** Upper end of the interval. */
	upper: number;
	/** Confidence level, e.g. 0.95. */
	level: number;
}

/** t-based CI of a mean: mean ± t(1 - α/2, n - 1) · sd / √n. null when n < 2. */
export function meanInterval(summary: Summary, level = 0.95): MeanInterval | null {
	checkedLevel(level);
	const { n, mean, sd } = summary;
	if (!(n >= 2) || !Number.isFinite(sd)) return null;
	const se = sd / Math.sqrt(n);
	const df = n - 1;
	const half = tCritical(level, df) * se;
	return { n, mean, sd, se, df, lower: mean - half, upper: mean + half, level };
}
