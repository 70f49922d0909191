import { describe, expect, it } from 'vitest';
import { ancova, type AncovaCell } from '$lib/stats';

interface Client { group: string; stratum?: string; x: number; y: number }

/** One cell per client (n = 1), as the sums of a single row. */
const perClient = (rows: readonly Client[]): AncovaCell[] =>
	rows.map(({ group, stratum, x, y }) => ({ group, stratum, n: 1, sumX: x, sumXX: x * x, sumY: y, sumXY: x * y, sumYY: y * y }));

/** The same clients summed by group and stratum, as SQL's GROUP BY would. */
function aggregated(rows: readonly Client[]): AncovaCell[] {
	const cells = new Map<string, AncovaCell>();
	for (const cell of perClient(rows)) {
		const key = `${cell.group}|${cell.stratum}`;
		const sum = cells.get(key) ?? { group: cell.group, stratum: cell.stratum, n: 0, sumX: 0, sumXX: 0, sumY: 0, sumXY: 0, sumYY: 0 };
		cells.set(key, {
			...sum, n: sum.n + 1, sumX: sum.sumX + cell.sumX, sumXX: sum.sumXX + cell.sumXX, sumY: sum.sumY + cell.sumY,
			sumXY: sum.sumXY + cell.sumXY, sumYY: sum.sumYY + cell.sumYY
		});
	}
	return [...cells.values()];
}

/**
 * Clients whose outcome is exactly y = a + effect + 0.5·x + e, with residuals e = +1, -1, -1, +1 on baselines
 * x = start, start + 2, start + 4, start + 6. Within every cell Σe = 0 and Σe·x = start - (start + 2) - (start + 4)
 * + (start + 6) = 0, so e is orthogonal to every column of the design (intercept, dummies, x): least squares returns
 * the generating coefficients exactly, and RSS = Σe² = number of clients.
 */
function cell(group: string, stratum: string | undefined, start: number, intercept: number): Client[] {
	return [1, -1, -1, 1].map((e, i) => {
		const x = start + 2 * i;
		return { group, stratum, x, y: intercept + 0.5 * x + e };
	});
}

describe('ANCOVA, two groups, by hand', () => {
	// A: a = 1, x = 2, 4, 6, 8 (mean 5); B: a = 1 + 2, x = 6, 8, 10, 12 (mean 9). True B - A at equal baseline: 2.
	// Raw means: A (3 + 2 + 3 + 6)/4 = 3.5, B (7 + 6 + 7 + 10)/4 = 7.5: raw difference 4, half of it from B's higher baseline.
	// n = 8, parameters 3, df 5, RSS 8, σ² = 1.6. Within-group Sxx = 20 + 20 = 40.
	// se(slope) = √(1.6/40) = 0.2. se(B - A) = √(σ²(1/4 + 1/4 + (9 - 5)²/40)) = √(1.6·0.9) = 1.2.
	// t = 2/1.2 = 1.6667; CI 2 ± t(0.975, 5)·1.2 = 2 ± 2.5706·1.2 = [-1.0847, 5.0847].
	// Adjusted means at the overall baseline 7: A 1 + 3.5 = 4.5, B 6.5.
	const rows = [...cell('A', undefined, 2, 1), ...cell('B', undefined, 6, 3)];

	it('recovers the slope, the contrast and its interval', () => {
		const result = ancova(aggregated(rows), { reference: 'A' })!;
		expect(result).toMatchObject({ reference: 'A', n: 8, parameters: 3, residualDf: 5, level: 0.95 });
		expect(result.sigma).toBeCloseTo(Math.sqrt(1.6), 10);
		expect(result.slope.estimate).toBeCloseTo(0.5, 10);
		expect(result.slope.se).toBeCloseTo(0.2, 10);
		const [b] = result.contrasts;
		expect(b).toMatchObject({ group: 'B', reference: 'A', n: 4, df: 5 });
		expect(b.estimate).toBeCloseTo(2, 10);
		expect(b.se).toBeCloseTo(1.2, 10);
		expect(b.t).toBeCloseTo(5 / 3, 10);
		expect(b.lower).toBeCloseTo(-1.0847, 4);
		expect(b.upper).toBeCloseTo(5.0847, 4);
		expect(b.p).toBeCloseTo(0.1564, 3);
		expect(result.adjustedMeans).toEqual([
			{ group: 'A', n: 4, mean: expect.closeTo(4.5, 10) },
			{ group: 'B', n: 4, mean: expect.closeTo(6.5, 10) }
		]);
	});

	it('gives the same answer from one cell per client', () => {
		const fromClients = ancova(perClient(rows), { reference: 'A' })!;
		const fromCells = ancova(aggregated(rows), { reference: 'A' })!;
		expect(fromClients.contrasts[0].estimate).toBeCloseTo(fromCells.contrasts[0].estimate, 10);
		expect(fromClients.contrasts[0].se).toBeCloseTo(fromCells.contrasts[0].se, 10);
		expect(fromClients.slope.estimate).toBeCloseTo(fromCells.slope.estimate, 10);
	});

	it('flips the sign with the reference', () => {
		expect(ancova(aggregated(rows), { reference: 'B' })!.contrasts[0]).toMatchObject({ group: 'A', estimate: expect.closeTo(-2, 10) });
	});

	it('does not depend on where the scores sit', () => {
		const shifted = rows.map((r) => ({ ...r, x: r.x + 1e4, y: r.y + 1e4 }));
		const result = ancova(aggregated(shifted), { reference: 'A' })!;
		expect(result.contrasts[0].estimate).toBeCloseTo(2, 6);
		expect(result.contrasts[0].se).toBeCloseTo(1.2, 6);
	});
});

describe('ANCOVA with strata, by hand', () => {
	// y = 1 + 2·[B] + 3·[s2] + 0.5·x + e, cells of 4 with residuals orthogonal as above.
	// Baseline means per cell A/s1 5, A/s2 7, B/s1 9, B/s2 11 = 5 + 4·[B] + 2·[s2]: additive, so the residual of x on the
	// dummies is the within-cell spread, Sxx = 4 · 20 = 80. n = 16, parameters 4, df 12, RSS 16, σ² = 4/3, se(slope) = √(1/60).
	// Adjusted means at x̄ = 8 with half the clients in s2: A 1 + 1.5 + 4 = 6.5, B 8.5.
	const rows = [...cell('A', 's1', 2, 1), ...cell('A', 's2', 4, 4), ...cell('B', 's1', 6, 3), ...cell('B', 's2', 8, 6)];

	it('recovers the group effect adjusted for baseline and stratum', () => {
		const result = ancova(aggregated(rows), { reference: 'A' })!;
		expect(result).toMatchObject({ n: 16, parameters: 4, residualDf: 12 });
		expect(result.sigma).toBeCloseTo(Math.sqrt(4 / 3), 10);
		expect(result.slope.estimate).toBeCloseTo(0.5, 10);
		expect(result.slope.se).toBeCloseTo(Math.sqrt(1 / 60), 10);
		expect(result.contrasts[0].estimate).toBeCloseTo(2, 10);
		expect(result.adjustedMeans.map((m) => m.mean)).toEqual([expect.closeTo(6.5, 10), expect.closeTo(8.5, 10)]);
	});

	it('is null when a group and a stratum hold the same clients', () => {
		// B only in s2 and s2 only B: [B] and [s2] are the same column.
		const aliased = [...cell('A', 's1', 2, 1), ...cell('A', 's1', 4, 1), ...cell('B', 's2', 6, 3)];
		expect(ancova(aggregated(aliased), { reference: 'A' })).toBeNull();
	});
});

describe('ANCOVA against ordinary least squares on the raw rows', () => {
	// Three groups (reference not first), two strata, 60 clients from a fixed pseudo-random sequence.
	let seed = 12345;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const groups = ['swedish', 'deep_tissue', 'sports'];
	const strata = ['neck_pain', 'chronic_low_back_pain'];
	const rows: Client[] = Array.from({ length: 60 }, () => {
		const group = groups[Math.floor(random() * 3)];
		const stratum = strata[Math.floor(random() * 2)];
		const x = 3 + Math.round(random() * 6);
		const y = 2 + 0.6 * x + (group === 'sports' ? 1 : group === 'deep_tissue' ? 0.4 : 0) + (stratum === 'neck_pain' ? 0.5 : 0) + (random() - 0.5) * 3;
		return { group, stratum, x, y };
	});

	/** X with columns 1, [deep_tissue], [sports], [chronic_low_back_pain], x; solved by Gauss-Jordan with partial pivoting. */
	function ols() {
		const design = rows.map((r) => [1, +(r.group === 'deep_tissue'), +(r.group === 'sports'), +(r.stratum === 'chronic_low_back_pain'), r.x]);
		const p = 5;
		const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => design.reduce((s, row) => s + row[i] * row[j], 0)));
		const xty = Array.from({ length: p }, (_, i) => design.reduce((s, row, k) => s + row[i] * rows[k].y, 0));
		const augmented = xtx.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => +(i === j))]);
		for (let c = 0; c < p; c++) {
			const pivot = augmented.slice(c).reduce((best, row, k) => (Math.abs(row[c]) > Math.abs(augmented[best][c]) ? c + k : best), c);
			[augmented[c], augmented[pivot]] = [augmented[pivot], augmented[c]];
			const lead = augmented[c][c];
			augmented[c] = augmented[c].map((v) => v / lead);
			for (let r = 0; r < p; r++) if (r !== c) augmented[r] = augmented[r].map((v, j) => v - augmented[r][c] * augmented[c][j]);
		}
		const inverse = augmented.map((row) => row.slice(p));
		const b = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
		const residuals = design.map((row, k) => rows[k].y - row.reduce((s, v, j) => s + v * b[j], 0));
		const variance = residuals.reduce((s, e) => s + e * e, 0) / (rows.length - p);
		return { b, se: inverse.map((row, i) => Math.sqrt(variance * row[i])), sigma: Math.sqrt(variance) };
	}

	it('gives the same coefficients and standard errors', () => {
		const expected = ols();
		for (const cells of [perClient(rows), aggregated(rows)]) {
			const result = ancova(cells, { reference: 'swedish' })!;
			// The sequence opens deep_tissue, sports, sports, sports, swedish: contrasts follow first appearance.
			expect(result.contrasts.map((c) => c.group)).toEqual(['deep_tissue', 'sports']);
			const byGroup = Object.fromEntries(result.contrasts.map((c) => [c.group, c]));
			expect(byGroup.deep_tissue.estimate).toBeCloseTo(expected.b[1], 10);
			expect(byGroup.deep_tissue.se).toBeCloseTo(expected.se[1], 10);
			expect(byGroup.sports.estimate).toBeCloseTo(expected.b[2], 10);
			expect(byGroup.sports.se).toBeCloseTo(expected.se[2], 10);
			expect(result.slope.estimate).toBeCloseTo(expected.b[4], 10);
			expect(result.slope.se).toBeCloseTo(expected.se[4], 10);
			expect(result.sigma).toBeCloseTo(expected.sigma, 10);
			expect(result.residualDf).toBe(55);
		}
	});
});

describe('ANCOVA that cannot be fitted', () => {
	const rows = [...cell('A', undefined, 2, 1), ...cell('B', undefined, 6, 3)];

	it('is null without the reference group', () => {
		expect(ancova(aggregated(rows), { reference: 'C' })).toBeNull();
		expect(ancova([{ ...aggregated(rows)[0], n: 0 }, aggregated(rows)[1]], { reference: 'A' })).toBeNull();
	});

	it('is null without residual degrees of freedom', () => {
		expect(ancova(perClient(rows.slice(0, 2).concat(rows.slice(4, 5))), { reference: 'A' })).toBeNull();
	});

	it('is null when the baseline does not vary within groups', () => {
		const flat = rows.map((r) => ({ ...r, x: r.group === 'A' ? 3 : 7 }));
		expect(ancova(aggregated(flat), { reference: 'A' })).toBeNull();
	});

	it('refuses a cell with a negative count', () => {
		expect(() => ancova([{ ...aggregated(rows)[0], n: -1 }], { reference: 'A' })).toThrow('invalid n: -1');
	});
});
