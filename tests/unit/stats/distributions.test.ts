import { describe, expect, it } from 'vitest';
import { normalQuantile, tCdf, tQuantile, twoSidedP } from '$lib/stats';

describe('t and normal distributions', () => {
	it('matches a printed table of t(0.975, df) to 3 decimals', () => {
		// Two-tailed 0.05 column of the standard t table (e.g. Fisher & Yates; any statistics textbook appendix).
		const table: [number, number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [9, 2.262], [10, 2.228], [30, 2.042], [120, 1.980]];
		for (const [df, t] of table) expect(tQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
	});

	it('gives the standard normal quantiles 1.960 and 3.090', () => {
		expect(normalQuantile(0.975)).toBeCloseTo(1.96, 3);
		expect(normalQuantile(0.999)).toBeCloseTo(3.090, 3);
		expect(normalQuantile(0.5)).toBe(0);
	});

	it('inverts the quantile with the cdf, and gives p = 0.05 at the table values', () => {
		expect(tCdf(tQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 10);
		expect(tCdf(0, 4)).toBe(0.5);
		expect(twoSidedP(2.262, 9)).toBeCloseTo(0.05, 3);
		expect(twoSidedP(-2.262, 9)).toBeCloseTo(0.05, 3);
		expect(twoSidedP(0, 9)).toBe(1);
	});

	it('keeps tiny p-values instead of rounding them to 0', () => {
		const p = twoSidedP(40, 100);
		expect(p).toBeGreaterThan(0);
		expect(p).toBeLessThan(1e-40);
	});

	it('rejects probabilities and df out of range', () => {
		expect(() => tQuantile(1.5, 3)).toThrow('invalid probability: 1.5');
		expect(() => tQuantile(0.5, 0)).toThrow('invalid df: 0');
	});
});
