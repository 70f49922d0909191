import { describe, expect, it } from 'vitest';
import { meanInterval, summarize } from '$lib/stats';

describe('summarize', () => {
	it('gives n, mean and the n - 1 standard deviation', () => {
		// 1..5: mean 3, SS = 4 + 1 + 0 + 1 + 4 = 10, sd = √(10/4) = 1.5811.
		expect(summarize([1, 2, 3, 4, 5])).toEqual({ n: 5, mean: 3, sd: expect.closeTo(1.58114, 5) });
	});

	it('has no sd below 2 values and no mean without values', () => {
		expect(summarize([4])).toEqual({ n: 1, mean: 4, sd: NaN });
		expect(summarize([])).toEqual({ n: 0, mean: NaN, sd: NaN });
	});

	it('does not lose the spread of large, close values', () => {
		expect(summarize([1e9 + 1, 1e9 + 2, 1e9 + 3]).sd).toBeCloseTo(1, 9);
	});
});

describe('meanInterval', () => {
	it('is mean ± t(0.975, n - 1)·sd/√n', () => {
		// 1..5: se = 1.5811/√5 = 0.70711, t(0.975, 4) = 2.7764: 3 ± 1.9632 = [1.0368, 4.9632].
		const interval = meanInterval(summarize([1, 2, 3, 4, 5]))!;
		expect(interval).toMatchObject({ n: 5, mean: 3, df: 4, level: 0.95 });
		expect(interval.se).toBeCloseTo(0.70711, 5);
		expect(interval.lower).toBeCloseTo(1.0368, 4);
		expect(interval.upper).toBeCloseTo(4.9632, 4);
	});

	it('takes another level', () => {
		// t(0.95, 4) = 2.1318: 3 ± 1.5074.
		expect(meanInterval({ n: 5, mean: 3, sd: Math.sqrt(2.5) }, 0.9)!.lower).toBeCloseTo(1.4926, 4);
	});

	it('is null below 2 clients and refuses a level outside (0, 1)', () => {
		expect(meanInterval(summarize([4]))).toBeNull();
		expect(() => meanInterval(summarize([1, 2]), 95)).toThrow('invalid level: 95');
	});
});
