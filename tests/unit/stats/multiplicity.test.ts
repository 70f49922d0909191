import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_LABELS, adjustPValues, benjaminiHochberg, holm } from '$lib/stats';

// R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") and "BH". By hand, sorted 0.005, 0.01, 0.03, 0.04:
// Holm × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 → running max 0.02, 0.03, 0.06, 0.06.
// BH × 4/1, 4/2, 4/3, 4/4 = 0.02, 0.02, 0.04, 0.04 → running min from the top, unchanged.
const P = [0.01, 0.04, 0.03, 0.005];

// Benjamini & Hochberg 1995, JRSS B 57:289, worked example (15 p-values of a multiple-endpoint trial): at 0.05 their
// step-up procedure rejects the four smallest, Bonferroni the three smallest. Holm by hand: 0.0001·15, 0.0004·14,
// 0.0019·13 = 0.0247 are ≤ 0.05; 0.0095·12 = 0.114 is not, so three.
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('multiplicity adjustment', () => {
	it('matches R p.adjust for holm', () => {
		holm(P).forEach((p, i) => expect(p).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i], 12));
	});

	it('matches R p.adjust for BH', () => {
		benjaminiHochberg(P).forEach((p, i) => expect(p).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i], 12));
	});

	it('reproduces the rejections of Benjamini & Hochberg 1995', () => {
		expect(benjaminiHochberg(BH_1995).filter((q) => q <= 0.05)).toHaveLength(4);
		expect(holm(BH_1995).filter((p) => p <= 0.05)).toHaveLength(3);
	});

	it('stays monotone in the p-values and at most 1', () => {
		const p = [0.9, 0.2, 0.5, 0.01, 0.6, 0.03, 0.99];
		const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
		for (const adjusted of [holm(p), benjaminiHochberg(p)]) {
			for (let k = 1; k < order.length; k++) expect(adjusted[order[k]]).toBeGreaterThanOrEqual(adjusted[order[k - 1]]);
			adjusted.forEach((q, i) => {
				expect(q).toBeLessThanOrEqual(1);
				expect(q).toBeGreaterThanOrEqual(p[i]);
			});
		}
	});

	it('leaves missing p-values out of m', () => {
		expect(holm([0.01, NaN, 0.02])).toEqual([0.02, NaN, 0.02]);
		expect(benjaminiHochberg([])).toEqual([]);
		expect(() => holm([1.2])).toThrow('invalid p-value: 1.2');
	});

	it('is chosen by name', () => {
		expect(adjustPValues(P, 'holm')).toEqual(holm(P));
		expect(adjustPValues(P, 'benjamini-hochberg')).toEqual(benjaminiHochberg(P));
		expect(Object.keys(ADJUSTMENT_LABELS)).toEqual(['holm', 'benjamini-hochberg']);
	});
});
