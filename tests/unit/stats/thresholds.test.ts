import { describe, expect, it } from 'vitest';
import { UNSTABLE_N, funnelLimits, isUnstable, reliableChangeThreshold, thresholdFromMdc } from '$lib/stats';

describe('reliable change (Jacobson & Truax 1991)', () => {
	it('works from the baseline sd and the reliability', () => {
		// SEm = 2·√(1 - 0.8) = 0.8944; S_diff = √2·0.8944 = 1.2649; threshold = 1.95996·1.2649 = 2.4792.
		const { sem, sdiff, threshold } = reliableChangeThreshold(2, 0.8);
		expect(sem).toBeCloseTo(0.8944, 4);
		expect(sdiff).toBeCloseTo(1.2649, 4);
		expect(threshold).toBeCloseTo(2.479, 3);
	});

	it('works back from a published MDC95 (pain NRS, 1.77)', () => {
		// S_diff = 1.77 / 1.95996 = 0.9031; SEm = 0.9031 / √2 = 0.6386.
		const { sem, sdiff, threshold } = thresholdFromMdc(1.77);
		expect(threshold).toBe(1.77);
		expect(sdiff).toBeCloseTo(0.9031, 4);
		expect(sem).toBeCloseTo(0.6386, 4);
		expect(reliableChangeThreshold(sem / Math.sqrt(0.5), 0.5).threshold).toBeCloseTo(1.77, 10);
	});

	it('refuses a reliability outside [0, 1]', () => {
		expect(() => reliableChangeThreshold(2, 1.2)).toThrow('invalid reliability: 1.2');
	});
});

describe('funnel limits', () => {
	it('is target ± z·sd/√n', () => {
		// sd 2, n 4: se 1 → 2 ± 1.95996 and 2 ± 3.09023; n 16: se 0.5.
		const [four, sixteen] = funnelLimits(2, 2, [4, 16]);
		expect(four.n).toBe(4);
		expect(four.lower95).toBeCloseTo(0.04, 4);
		expect(four.upper95).toBeCloseTo(3.96, 4);
		expect(four.lower998).toBeCloseTo(-1.0902, 4);
		expect(four.upper998).toBeCloseTo(5.0902, 4);
		expect(sixteen.upper95).toBeCloseTo(2.98, 4);
		expect(sixteen.lower998).toBeCloseTo(0.4549, 4);
		expect(() => funnelLimits(2, 2, [0])).toThrow('invalid n: 0');
	});
});

describe('stability', () => {
	it('flags fewer than 20 clients', () => {
		expect(UNSTABLE_N).toBe(20);
		expect(isUnstable(19)).toBe(true);
		expect(isUnstable(20)).toBe(false);
	});
});
