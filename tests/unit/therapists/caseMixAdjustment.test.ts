import { describe, expect, it } from 'vitest';
import type { CaseMixCell } from '$lib/queries/therapistOutcomes';
import { summarize } from '$lib/stats/summary';
import { caseMixAdjustment } from '$lib/therapists/caseMixAdjustment';

interface Client {
	therapist: string;
	condition: string;
	technique: string;
	/** Baseline, signed so higher is better. */
	x: number;
	/** End of course, signed the same way. */
	y: number;
}

/** The sums SQL would return, one cell per therapist and stratum. */
function cellsOf(clients: readonly Client[]): CaseMixCell[] {
	const cells = new Map<string, CaseMixCell>();
	for (const c of clients) {
		const key = `${c.therapist}|${c.condition}|${c.technique}`;
		const cell = cells.get(key) ?? { therapist: c.therapist, condition: c.condition, technique: c.technique, n: 0, sumX: 0, sumXX: 0, sumY: 0, sumXY: 0, sumYY: 0 };
		cells.set(key, { ...cell, n: cell.n + 1, sumX: cell.sumX + c.x, sumXX: cell.sumXX + c.x * c.x, sumY: cell.sumY + c.y, sumXY: cell.sumXY + c.x * c.y, sumYY: cell.sumYY + c.y * c.y });
	}
	return [...cells.values()];
}

describe('case-mix adjustment (observed minus expected)', () => {
	it('gives the hand-worked answer for six clients in two strata', () => {
		// Stratum A (neck, swedish): x̄ = -5, ȳ = -2.5, Sxy = Sxx = 4, so the slope is 1. Residuals y - ȳ - (x - x̄):
		// P -0.5, -0.5; Q +0.5, +0.5. Stratum B (neck, deep tissue): one baseline, so it only shifts: P -1, Q +1.
		// RSS = 3 on 6 - 3 parameters: σ = 1. P's mean -2/3 with SD 1/√12.
		const clients: Client[] = [
			{ therapist: 'P', condition: 'neck_pain', technique: 'swedish', x: -6, y: -4 },
			{ therapist: 'P', condition: 'neck_pain', technique: 'swedish', x: -4, y: -2 },
			{ therapist: 'Q', condition: 'neck_pain', technique: 'swedish', x: -6, y: -3 },
			{ therapist: 'Q', condition: 'neck_pain', technique: 'swedish', x: -4, y: -1 },
			{ therapist: 'P', condition: 'neck_pain', technique: 'deep_tissue', x: -5, y: -3 },
			{ therapist: 'Q', condition: 'neck_pain', technique: 'deep_tissue', x: -5, y: -1 }
		];
		const adjustment = caseMixAdjustment(cellsOf(clients))!;
		expect(adjustment.model.n).toBe(6);
		expect(adjustment.model.strata).toBe(2);
		expect(adjustment.model.residualDf).toBe(3);
		expect(adjustment.model.slope).toBeCloseTo(1, 12);
		expect(adjustment.model.sigma).toBeCloseTo(1, 12);
		const p = adjustment.observedMinusExpected.get('P')!;
		const q = adjustment.observedMinusExpected.get('Q')!;
		expect(p.n).toBe(3);
		expect(p.mean).toBeCloseTo(-2 / 3, 12);
		expect(p.sd).toBeCloseTo(1 / Math.sqrt(12), 12);
		expect(q.mean).toBeCloseTo(2 / 3, 12);
	});

	it('matches client-level residuals from a pooled within-stratum regression', () => {
		// A fixed pseudo-random clinic: 300 clients, 4 therapists, 6 strata, therapist D planted +0.7.
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const clients: Client[] = Array.from({ length: 300 }, () => {
			const therapist = 'ABCD'[Math.floor(random() * 4)];
			const condition = ['neck_pain', 'shoulder', 'insomnia'][Math.floor(random() * 3)];
			const technique = ['swedish', 'trigger_point'][Math.floor(random() * 2)];
			const x = -Math.round(3 + random() * 6);
			const y = Math.min(0, Math.round(x + random() * 4 + (therapist === 'D' ? 0.7 : 0) + (technique === 'swedish' ? 0 : 1)));
			return { therapist, condition, technique, x, y };
		});
		const stratum = (c: Client) => `${c.condition}|${c.technique}`;
		const strata = [...new Set(clients.map(stratum))];
		const means = new Map(
			strata.map((s) => {
				const members = clients.filter((c) => stratum(c) === s);
				return [s, { x: summarize(members.map((c) => c.x)).mean, y: summarize(members.map((c) => c.y)).mean }];
			})
		);
		let sxy = 0;
		let sxx = 0;
		for (const c of clients) {
			const m = means.get(stratum(c))!;
			sxy += (c.x - m.x) * (c.y - m.y);
			sxx += (c.x - m.x) ** 2;
		}
		const slope = sxy / sxx;
		const residual = (c: Client) => c.y - means.get(stratum(c))!.y - slope * (c.x - means.get(stratum(c))!.x);
		const rss = clients.reduce((sum, c) => sum + residual(c) ** 2, 0);

		const adjustment = caseMixAdjustment(cellsOf(clients))!;
		expect(adjustment.model.strata).toBe(6);
		expect(adjustment.model.slope).toBeCloseTo(slope, 10);
		expect(adjustment.model.sigma).toBeCloseTo(Math.sqrt(rss / (300 - 6 - 1)), 10);
		for (const therapist of 'ABCD') {
			const expected = summarize(clients.filter((c) => c.therapist === therapist).map(residual));
			const actual = adjustment.observedMinusExpected.get(therapist)!;
			expect(actual.n).toBe(expected.n);
			expect(actual.mean).toBeCloseTo(expected.mean, 10);
			expect(actual.sd).toBeCloseTo(expected.sd, 10);
		}
		expect(adjustment.observedMinusExpected.get('D')!.mean).toBeGreaterThan(0.3);
	});

	it('returns null when the model cannot be fitted (no client left for the residual)', () => {
		const clients: Client[] = [
			{ therapist: 'P', condition: 'neck_pain', technique: 'swedish', x: -6, y: -4 },
			{ therapist: 'Q', condition: 'neck_pain', technique: 'swedish', x: -4, y: -2 }
		];
		expect(caseMixAdjustment(cellsOf(clients))).toBeNull();
	});
});
