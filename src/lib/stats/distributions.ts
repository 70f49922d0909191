/**
 * The t and normal distributions, the one door to @stdlib: nothing else imports it, so a swap is one file.
 */
import tCdfOf from '@stdlib/stats-base-dists-t-cdf';
import tQuantileOf from '@stdlib/stats-base-dists-t-quantile';
import normalQuantileOf from '@stdlib/stats-base-dists-normal-quantile';

/** The value below which a share p of Student's t with df degrees of freedom lies. */
export function tQuantile(p: number, df: number): number {
	return tQuantileOf(checkedP(p), checkedDf(df));
}

/** The share of Student's t with df degrees of freedom that lies below t. */
export function tCdf(t: number, df: number): number {
	return tCdfOf(t, checkedDf(df));
}

/** The value below which a share p of the standard normal distribution lies. */
export function normalQuantile(p: number): number {
	return normalQuantileOf(checkedP(p), 0, 1);
}

/** Two-sided p-value of a t statistic: 2 · (1 - tCdf(|t|, df)). */
export function twoSidedP(t: number, df: number): number {
	// The lower tail keeps its precision where 1 - cdf would round to 0 for large t.
	return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** The (1 - α/2) quantile for a two-sided interval at the given level, e.g. 0.95. */
export function tCritical(level: number, df: number): number {
	return tQuantile(1 - (1 - checkedLevel(level)) / 2, df);
}

/** As tCritical, for the standard normal. */
export function zCritical(level: number): number {
	return normalQuantile(1 - (1 - checkedLevel(level)) / 2);
}

export function checkedLevel(level: number): number {
	if (!(level > 0 && level < 1)) throw new Error(`invalid level: ${level}`);
	return level;
}

function checkedP(p: number): number {
	if (!(p >= 0 && p <= 1)) throw new Error(`invalid probability: ${p}`);
	return p;
}

function checkedDf(df: number): number {
	if (!(df > 0)) throw new Error(`invalid df: ${df}`);
	return df;
}
