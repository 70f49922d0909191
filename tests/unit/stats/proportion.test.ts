import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';

// Wilson score interval without continuity correction:
// (p̂ + z²/2n ± z·√(p̂(1 - p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.959964.
// Newcombe 1998, Stat Med 17:857, Table I, method 3 ("score"), to the table's 4 decimals.
const NEWCOMBE_1998: [number, number, number, number][] = [
	[81, 263, 0.2553, 0.3662],
	[15, 148, 0.0624, 0.1605],
	[0, 20, 0, 0.1611],
	[1, 29, 0.0061, 0.1718],
	[29, 29, 0.883, 1]
];

describe('Wilson interval', () => {
	it('matches Newcombe 1998 Table I (score method, no continuity correction)', () => {
		for (const [successes, n, lower, upper] of NEWCOMBE_1998) {
			const interval = wilsonInterval(successes, n)!;
			expect(interval.lower, `${successes}/${n}`).toBeCloseTo(lower, 4);
			expect(interval.upper, `${successes}/${n}`).toBeCloseTo(upper, 4);
			expect(interval.rate).toBe(successes / n);
			expect(interval.level).toBe(0.95);
		}
	});

	it('is exactly 0 and 1 at the ends, and never zero-width there', () => {
		// 0/n: upper = (z²/n) / (1 + z²/n); for n = 10, 0.384146 / 1.384146 = 0.2775.
		expect(wilsonInterval(0, 10)).toMatchObject({ lower: 0, upper: expect.closeTo(0.2775, 4) });
		expect(wilsonInterval(10, 10)).toMatchObject({ lower: expect.closeTo(0.7225, 4), upper: 1 });
	});

	it('is symmetric around 1/2 at half, and narrower with a lower level', () => {
		const half = wilsonInterval(5, 10)!;
		expect(half.lower + half.upper).toBeCloseTo(1, 12);
		const ninety = wilsonInterval(5, 10, 0.9)!;
		expect(ninety.upper - ninety.lower).toBeLessThan(half.upper - half.lower);
	});

	it('is null for no clients and refuses impossible counts', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
		expect(() => wilsonInterval(11, 10)).toThrow('invalid successes: 11 of 10');
		expect(() => wilsonInterval(1, 10, 2)).toThrow('invalid level: 2');
	});
});
