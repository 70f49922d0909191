/**
 * Standardized effect sizes and the t tests they come with, as Lakens (2013, Front Psychol 4:863) defines them.
 * Changes are signed so that improvement is positive; a d is null when its SD is 0 or missing.
 */
import { twoSidedP } from './distributions';
import type { Summary } from './summary';

export type EffectSizeName = 'd_z' | 'd_av' | 'd_s' | 'g_s';

export interface EffectSize {
	/** Which d this is: always shown with the value, since they differ for the same data. */
	name: EffectSizeName;
	/** The standardized difference, or null when it cannot be computed (n too small, SD 0). */
	value: number | null;
}

export const EFFECT_SIZE_LABELS: Record<EffectSizeName, string> = {
	d_z: 'Cohen’s d_z (standardized response mean)',
	d_av: 'Cohen’s d_av',
	d_s: 'Cohen’s d_s',
	g_s: 'Hedges’ g_s'
};

export interface TTest {
	/** The t statistic, positive when the change (or the first group) is higher. */
	t: number;
	/** Degrees of freedom. */
	df: number;
	/** Two-sided p-value. */
	p: number;
}

/** d_z = mean(change) / sd(change), the standardized response mean; equals t / √n. */
export function dz(change: Summary): EffectSize {
	return { name: 'd_z', value: ratio(change.mean, change.n >= 2 ? change.sd : NaN) };
}

/** d_av = mean(change) / ((sd_pre + sd_post) / 2): the change in units of the scores' own spread. */
export function dav(change: Summary, sdPre: number, sdPost: number): EffectSize {
	return { name: 'd_av', value: ratio(change.mean, (sdPre + sdPost) / 2) };
}

/** Both effect sizes of a change, named: d_z from the changes' SD, d_av from the SDs before and after (null if unknown). */
export interface ChangeEffects {
	dz: EffectSize;
	dav: EffectSize | null;
}

/** d_z and d_av of a change (Lakens 2013): never pooled, each shown with its name. */
export function changeEffects(change: Summary, sdPre: number | null, sdPost: number | null): ChangeEffects {
	return { dz: dz(change), dav: sdPre === null || sdPost === null ? null : dav(change, sdPre, sdPost) };
}

/** d_s = (mean_a - mean_b) / pooled SD, for two independent groups. */
export function ds(a: Summary, b: Summary): EffectSize {
	return { name: 'd_s', value: ratio(a.mean - b.mean, pooledSd(a, b)) };
}

/** Hedges' g_s = d_s · (1 - 3 / (4·df - 1)), df = n_a + n_b - 2: d_s without its small-sample bias. */
export function hedgesG(a: Summary, b: Summary): EffectSize {
	const d = ds(a, b).value;
	const df = a.n + b.n - 2;
	return { name: 'g_s', value: d === null ? null : d * (1 - 3 / (4 * df - 1)) };
}

/** Paired t test of the mean change against 0: t = mean / (sd / √n), df = n - 1. null when n < 2 or sd = 0. */
export function pairedT(change: Summary): TTest | null {
	const { n, mean, sd } = change;
	if (!(n >= 2) || !(sd > 0)) return null;
	const t = mean / (sd / Math.sqrt(n));
	return { t, df: n - 1, p: twoSidedP(t, n - 1) };
}

/** Student's t test of two independent groups, pooled variance, df = n_a + n_b - 2. null when it has no df or no spread. */
export function independentT(a: Summary, b: Summary): TTest | null {
	const sd = pooledSd(a, b);
	if (!(a.n >= 1 && b.n >= 1) || !(sd > 0)) return null;
	const df = a.n + b.n - 2;
	const t = (a.mean - b.mean) / (sd * Math.sqrt(1 / a.n + 1 / b.n));
	return { t, df, p: twoSidedP(t, df) };
}

/** Pearson's r of paired values; NaN when fewer than 2 pairs or either has no spread. */
export function correlation(x: readonly number[], y: readonly number[]): number {
	if (x.length !== y.length) throw new Error(`invalid lengths: ${x.length} and ${y.length}`);
	const n = x.length;
	if (n < 2) return NaN;
	const mx = x.reduce((s, v) => s + v, 0) / n;
	const my = y.reduce((s, v) => s + v, 0) / n;
	let sxy = 0, sxx = 0, syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) ** 2;
		syy += (y[i] - my) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** sd_pooled = √(((n_a - 1)·s_a² + (n_b - 1)·s_b²) / (n_a + n_b - 2)); NaN without degrees of freedom. */
export function pooledSd(a: Summary, b: Summary): number {
	const df = a.n + b.n - 2;
	if (!(df >= 1)) return NaN;
	const ss = (a.n - 1) * (a.n > 1 ? a.sd ** 2 : 0) + (b.n - 1) * (b.n > 1 ? b.sd ** 2 : 0);
	return Math.sqrt(ss / df);
}

function ratio(difference: number, sd: number): number | null {
	return Number.isFinite(difference) && sd > 0 ? difference / sd : null;
}
