import { describe, expect, it } from 'vitest';
import { EFFECT_SIZE_LABELS, correlation, dav, ds, dz, hedgesG, independentT, pairedT, summarize } from '$lib/stats';

// Lakens 2013, Front Psychol 4:863, Table 1. By hand: mean A 8.7 (SS 6.1, sd 0.8233), mean B 7.7 (SS 8.1, sd 0.9487);
// change A - B = 0,1,1,1,1,0,1,2,1,2: mean 1, SS 4, sd 2/3; Σ(a - ā)(b - b̄) = 5.1.
const A = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
const B = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];
const change = summarize(A.map((a, i) => a - B[i]));

describe('Lakens 2013 Table 1, paired', () => {
	it('t(9) = 4.74', () => {
		const t = pairedT(change)!;
		expect(t.df).toBe(9);
		expect(t.t).toBeCloseTo(4.74, 2); // 1.5·√10 = 4.7434
		expect(t.p).toBeLessThan(0.01);
	});

	it('d_z = 1.50, d_av = 1.13, r = 0.726', () => {
		expect(dz(change)).toEqual({ name: 'd_z', value: expect.closeTo(1.5, 2) });
		expect(dav(change, summarize(A).sd, summarize(B).sd)).toEqual({ name: 'd_av', value: expect.closeTo(1.13, 2) }); // 1 / 0.8860
		expect(correlation(A, B)).toBeCloseTo(0.726, 3); // 5.1 / √(6.1·8.1) = 0.72554
	});

	it('d_z is t / √n', () => {
		expect(dz(change).value!).toBeCloseTo(pairedT(change)!.t / Math.sqrt(10), 12);
	});
});

describe('Lakens 2013 Table 1, as independent groups', () => {
	it('t(18) = 2.52', () => {
		const t = independentT(summarize(A), summarize(B))!;
		expect(t.df).toBe(18);
		expect(t.t).toBeCloseTo(2.52, 2); // 1 / (0.8882·√(2/10)) = 2.5175
		expect(t.p).toBeCloseTo(0.0215, 3);
	});

	it('d_s = 1.13, g_s = 1.08', () => {
		expect(ds(summarize(A), summarize(B))).toEqual({ name: 'd_s', value: expect.closeTo(1.13, 2) }); // 1 / √(14.2/18) = 1.1259
		expect(hedgesG(summarize(A), summarize(B))).toEqual({ name: 'g_s', value: expect.closeTo(1.08, 2) });
	});

	it('g_s corrects d_s by 1 - 3/(4·18 - 1) = 68/71', () => {
		// Beyond the paper's 2 decimals, where 1 - 3/(4·df + 1) would also round to 1.08: 1.125880 · 68/71 = 1.078308.
		expect(hedgesG(summarize(A), summarize(B)).value!).toBeCloseTo(1.078308, 6);
	});

	it('is signed: swapping the groups flips d and t', () => {
		expect(ds(summarize(B), summarize(A)).value!).toBeCloseTo(-1.1259, 4);
		expect(independentT(summarize(B), summarize(A))!.t).toBeCloseTo(-2.5175, 4);
	});
});

describe('effect sizes without enough data', () => {
	it('is null when there is no spread or too few clients', () => {
		expect(dz({ n: 1, mean: 2, sd: NaN }).value).toBeNull();
		expect(dz({ n: 5, mean: 2, sd: 0 }).value).toBeNull();
		expect(dav({ n: 5, mean: 2, sd: 1 }, 0, 0).value).toBeNull();
		expect(ds({ n: 1, mean: 2, sd: NaN }, { n: 1, mean: 1, sd: NaN }).value).toBeNull();
		expect(pairedT({ n: 1, mean: 2, sd: NaN })).toBeNull();
		expect(independentT({ n: 1, mean: 2, sd: NaN }, { n: 1, mean: 1, sd: NaN })).toBeNull();
		expect(correlation([1, 2, 3], [4, 4, 4])).toBeNaN();
		expect(() => correlation([1, 2], [1])).toThrow('invalid lengths: 2 and 1');
	});

	it('labels every d', () => {
		expect(EFFECT_SIZE_LABELS).toEqual({
			d_z: 'Cohen’s d_z (standardized response mean)', d_av: 'Cohen’s d_av', d_s: 'Cohen’s d_s', g_s: 'Hedges’ g_s'
		});
	});
});
