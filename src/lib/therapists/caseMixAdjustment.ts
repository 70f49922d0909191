import type { CaseMixCell } from '$lib/queries/therapistOutcomes';
import { ancova } from '$lib/stats/ancova';
import type { Summary } from '$lib/stats/summary';

/**
 * The clinic-wide model of what a client's course end is expected to be, given their case mix:
 * end = a(condition × course technique) + β × baseline, least squares over every client (no therapist term).
 */
export interface CaseMixModel {
	/** Clients the model is fitted to. */
	n: number;
	/** Condition × course technique strata. */
	strata: number;
	/** Within-stratum regression of the course end on the baseline. */
	slope: number;
	/** Residual SD: how far clients' course ends vary around what their case mix predicts. */
	sigma: number;
	residualDf: number;
}

export interface CaseMixAdjustment {
	model: CaseMixModel;
	/**
	 * Per home therapist: n, mean and SD of observed minus expected change (improvement positive). The mean is the
	 * therapist's case-mix adjusted difference from the clinic; over all clients it is 0 by construction.
	 */
	observedMinusExpected: Map<string, Summary>;
}

const CLINIC = 'clinic';

function stratumKey(cell: CaseMixCell): string {
	return JSON.stringify([cell.condition, cell.technique]);
}

/**
 * Indirect standardization (observed minus expected, as in England's NHS PROMs case-mix adjustment): the model is
 * fitted once to every client with `ancova` (one group, the clinic, so no reference therapist is needed), then each
 * client's residual is their change minus the change expected for their condition, technique and baseline.
 * Residual sums and squares per therapist follow from the same cells, so no client-level row leaves SQL.
 * Returns null when the model cannot be fitted (too few clients, or no baseline variation within strata).
 */
export function caseMixAdjustment(cells: readonly CaseMixCell[]): CaseMixAdjustment | null {
	const fit = ancova(
		cells.map((cell) => ({ ...cell, group: CLINIC, stratum: stratumKey(cell) })),
		{ reference: CLINIC }
	);
	if (!fit) return null;
	const slope = fit.slope.estimate;

	// With a dummy per stratum, least squares passes through each stratum's means: a_s = ȳ_s - β x̄_s.
	const strata = new Map<string, { n: number; sumX: number; sumY: number }>();
	for (const cell of cells) {
		const s = strata.get(stratumKey(cell)) ?? { n: 0, sumX: 0, sumY: 0 };
		strata.set(stratumKey(cell), { n: s.n + cell.n, sumX: s.sumX + cell.sumX, sumY: s.sumY + cell.sumY });
	}
	const intercept = (cell: CaseMixCell) => {
		const s = strata.get(stratumKey(cell))!;
		return (s.sumY - slope * s.sumX) / s.n;
	};

	// Residual r = y - a_s - βx, summed and squared from the cell's sums.
	const sums = new Map<string, { n: number; r: number; rr: number }>();
	for (const cell of cells) {
		if (cell.n === 0) continue;
		const a = intercept(cell);
		const r = cell.sumY - slope * cell.sumX - cell.n * a;
		const rr =
			cell.sumYY + slope ** 2 * cell.sumXX + cell.n * a ** 2 - 2 * slope * cell.sumXY - 2 * a * cell.sumY + 2 * a * slope * cell.sumX;
		const t = sums.get(cell.therapist) ?? { n: 0, r: 0, rr: 0 };
		sums.set(cell.therapist, { n: t.n + cell.n, r: t.r + r, rr: t.rr + rr });
	}
	const observedMinusExpected = new Map<string, Summary>();
	for (const [therapist, { n, r, rr }] of sums) {
		const mean = r / n;
		const sd = n > 1 ? Math.sqrt(Math.max(0, rr - n * mean ** 2) / (n - 1)) : NaN;
		observedMinusExpected.set(therapist, { n, mean, sd });
	}

	return {
		model: { n: fit.n, strata: strata.size, slope, sigma: fit.sigma, residualDf: fit.residualDf },
		observedMinusExpected
	};
}
