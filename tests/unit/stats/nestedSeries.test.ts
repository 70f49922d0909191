import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressNestedSeries } from '$lib/disclosure';

const shownOf = (counts: number[], k: number) => counts.filter((_, i) => !suppressNestedSeries(counts, { k })[i]);

describe('step suppression of nested counts', () => {
	it('hides a point whose step from the last shown one counts fewer than k clients (hand cases)', () => {
		// Hypertension: 18 started, 13 came back (18 - 13 = 5 stopped after one visit), 12 (6), 9 (fewer than 11).
		expect(suppressNestedSeries([18, 13, 12, 9], { k: 11 })).toEqual([false, true, true, true]);
		// Steps of 6, 5 and 9 pass at k = 5; 58 is 2 below 60; 55 is compared with 60, the last shown: 5 apart.
		expect(suppressNestedSeries([80, 74, 69, 60, 58, 55], { k: 5 })).toEqual([false, false, false, false, true, false]);
		// A hidden point is skipped: 35 is 5 below 40 and 12 below 47, the last shown one.
		expect(suppressNestedSeries([47, 40, 35], { k: 11 })).toEqual([false, true, false]);
	});

	it('shows equal counts (nobody stopped) and the first point with k clients', () => {
		expect(suppressNestedSeries([30, 30, 30, 19], { k: 11 })).toEqual([false, false, false, false]);
		expect(suppressNestedSeries([8, 12], { k: 11 })).toEqual([true, false]);
		expect(suppressNestedSeries([], { k: 11 })).toEqual([]);
	});

	it('keeps hidden a point another rule hid, and never compares with it', () => {
		expect(suppressNestedSeries([40, null, 35, 20], { k: 11 })).toEqual([false, true, true, false]);
		expect(suppressNestedSeries([null, 35, 30], { k: 11 })).toEqual([true, false, true]);
	});

	it('compares a count that rises with every shown point, not only the last', () => {
		// 57 is 17 above 40 but 3 below 60.
		expect(suppressNestedSeries([60, 40, 57], { k: 5 })).toEqual([false, false, true]);
	});

	it('thins the low back pain attendance of the demo data at k = 11', () => {
		const attending = [322, 274, 246, 222, 203, 186, 170, 148, 137, 122, 105, 95, 84, 73, 63, 55, 47, 33, 29, 25];
		const hidden = suppressNestedSeries(attending, { k: 11 });
		expect(attending.filter((_, i) => hidden[i])).toEqual([95, 63, 47, 29, 25]);
	});

	it('rejects a k below the minimum and a count that is not one', () => {
		expect(() => suppressNestedSeries([20], { k: 4 })).toThrow('invalid k: 4');
		expect(() => suppressNestedSeries([20, -1], { k: 11 })).toThrow('invalid count: -1');
		expect(() => suppressNestedSeries([2.5], { k: 11 })).toThrow('invalid count: 2.5');
	});

	it('leaves any two shown counts k or more apart (or equal), each from k clients or more', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 200 }), { maxLength: 25 }), fc.integer({ min: 5, max: 25 }), (counts, k) => {
				const shown = shownOf(counts, k);
				for (const n of shown) expect(n).toBeGreaterThanOrEqual(k);
				for (const a of shown) for (const b of shown) expect(a === b || Math.abs(a - b) >= k).toBe(true);
			}),
			{ seed: 20261125 }
		);
	});

	it('compares with the last shown point only, when counts never rise', () => {
		const lastShownRule = (counts: number[], k: number) => {
			let last: number | null = null;
			return counts.map((n) => {
				const hidden = n < k || (last !== null && last - n > 0 && last - n < k);
				if (!hidden) last = n;
				return hidden;
			});
		};
		const falling = fc.array(fc.nat({ max: 15 }), { maxLength: 25 }).map((steps) => steps.map((_, i) => 400 - steps.slice(0, i + 1).reduce((a, b) => a + b, 0)));
		fc.assert(
			fc.property(falling, fc.integer({ min: 5, max: 25 }), (counts, k) => {
				expect(suppressNestedSeries(counts, { k })).toEqual(lastShownRule(counts, k));
			}),
			{ seed: 20261125 }
		);
	});
});
