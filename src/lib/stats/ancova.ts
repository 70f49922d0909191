/**
 * Baseline-adjusted comparison of groups (Vickers & Altman 2001, BMJ 323:1123): least squares
 * y = a + Σ b_g·[group = g] + Σ c_s·[stratum = s] + β·x, fitted from per-cell sums so that millions of clients
 * cost a few cells. Clinic data are observational: the contrasts are associations, not effects.
 */
import { checkedLevel, tCritical, twoSidedP } from './distributions';
import { multiply, symmetricInverse } from './symmetricInverse';

/**
 * Sums over one cell of clients, as SQL computes them: x = baseline, y = outcome at the end of the course (both
 * already signed so higher = better, by the caller).
 */
export interface CellSums {
	/** Clients in the cell. */
	n: number;
	/** Σ x (baselines). */
	sumX: number;
	/** Σ x². */
	sumXX: number;
	/** Σ y (outcomes). */
	sumY: number;
	/** Σ x·y. */
	sumXY: number;
	/** Σ y². */
	sumYY: number;
}

/** One cell of clients with the same group (e.g. technique) and stratum (e.g. condition). */
export interface AncovaCell extends CellSums {
	/** The compared group, e.g. a technique code. */
	group: string;
	/** Adjusted-for category, e.g. a condition code. Cells without one form a stratum of their own. */
	stratum?: string;
}

/** One group against the reference group, at the same baseline and stratum. */
export interface AncovaContrast {
	group: string;
	reference: string;
	/** Clients in this group. */
	n: number;
	/** Adjusted difference in outcome, group minus reference: positive when the group ends better. */
	estimate: number;
	/** Standard error of the estimate. */
	se: number;
	/** Residual degrees of freedom of the model. */
	df: number;
	/** Lower end of the confidence interval. */
	lower: number;
	/** Upper end of the confidence interval. */
	upper: number;
	t: number;
	/** Two-sided p-value, before any multiplicity adjustment. */
	p: number;
}

export interface AncovaResult {
	/** The group every contrast is against. */
	reference: string;
	/** Clients in the model. */
	n: number;
	/** Fitted coefficients: intercept, one per non-reference group and non-first stratum, and the slope. */
	parameters: number;
	/** n - parameters. */
	residualDf: number;
	/** Residual standard deviation. */
	sigma: number;
	/** Confidence level of the contrasts' intervals. */
	level: number;
	/** Regression of the outcome on the baseline, within groups and strata. */
	slope: { estimate: number; se: number };
	/** Every group except the reference, in the cells' order of first appearance. */
	contrasts: AncovaContrast[];
	/** Each group's predicted outcome at the overall mean baseline and the strata's observed mix. */
	adjustedMeans: { group: string; n: number; mean: number }[];
}

export interface AncovaOptions {
	/** Group the others are compared against, e.g. the most common technique. */
	reference: string;
	/** Confidence level of the contrasts' intervals; 0.95 by default. */
	level?: number;
}

/**
 * Fits the model, or returns null when it cannot be fitted: the reference group has no clients; fewer clients than
 * parameters + 1 (no residual df); or the design is singular, i.e. the baseline does not vary within the groups
 * and strata, or a group and a set of strata hold the same clients (say technique B was only used for one
 * condition, and only B was used for it), so that group and stratum cannot be told apart.
 */
export function ancova(cells: readonly AncovaCell[], options: AncovaOptions): AncovaResult | null {
	const level = checkedLevel(options.level ?? 0.95);
	const { reference } = options;
	for (const cell of cells) if (!(Number.isInteger(cell.n) && cell.n >= 0)) throw new Error(`invalid n: ${cell.n}`);
	const used = cells.filter((cell) => cell.n > 0);
	const groups = [...new Set(used.map((cell) => cell.group))];
	const strata = [...new Set(used.map(stratumOf))];
	if (!groups.includes(reference)) return null;
	const others = groups.filter((g) => g !== reference);

	// Columns: intercept, a dummy per other group, a dummy per stratum but the first, the baseline.
	const p = 1 + others.length + (strata.length - 1) + 1;
	const n = used.reduce((sum, cell) => sum + cell.n, 0);
	const residualDf = n - p;
	if (residualDf < 1) return null;

	// Centring x and y on their overall means keeps X'X well conditioned for scores far from 0.
	const meanX = used.reduce((sum, cell) => sum + cell.sumX, 0) / n;
	const meanY = used.reduce((sum, cell) => sum + cell.sumY, 0) / n;
	const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	const xty = new Array<number>(p).fill(0);
	let totalYY = 0;
	for (const cell of used) {
		const sx = cell.sumX - cell.n * meanX;
		const sy = cell.sumY - cell.n * meanY;
		const sxx = cell.sumXX - 2 * meanX * cell.sumX + cell.n * meanX ** 2;
		const sxy = cell.sumXY - meanX * cell.sumY - meanY * cell.sumX + cell.n * meanX * meanY;
		totalYY += cell.sumYY - 2 * meanY * cell.sumY + cell.n * meanY ** 2;
		const dummies = [0];
		if (cell.group !== reference) dummies.push(1 + others.indexOf(cell.group));
		const s = strata.indexOf(stratumOf(cell));
		if (s > 0) dummies.push(others.length + s);
		for (const i of dummies) {
			for (const j of dummies) xtx[i][j] += cell.n;
			xtx[i][p - 1] += sx;
			xtx[p - 1][i] += sx;
			xty[i] += sy;
		}
		xtx[p - 1][p - 1] += sxx;
		xty[p - 1] += sxy;
	}

	const inverse = symmetricInverse(xtx);
	if (!inverse) return null;
	const b = multiply(inverse, xty);
	const rss = Math.max(0, totalYY - b.reduce((sum, v, i) => sum + v * xty[i], 0));
	const variance = rss / residualDf;
	const se = (i: number) => Math.sqrt(variance * inverse[i][i]);
	const critical = tCritical(level, residualDf);
	const groupN = (g: string) => used.filter((cell) => cell.group === g).reduce((sum, cell) => sum + cell.n, 0);

	const contrasts = others.map((group, k) => {
		const estimate = b[1 + k];
		const error = se(1 + k);
		const t = estimate / error;
		const half = critical * error;
		return { group, reference, n: groupN(group), estimate, se: error, df: residualDf, lower: estimate - half, upper: estimate + half, t, p: twoSidedP(t, residualDf) };
	});
	// At the overall mean baseline (0 once centred) and each stratum in its share of all clients.
	const strataMix = strata.slice(1).reduce((sum, stratum, k) => {
		const share = used.filter((cell) => stratumOf(cell) === stratum).reduce((s, cell) => s + cell.n, 0) / n;
		return sum + share * b[1 + others.length + k];
	}, 0);
	const adjustedMeans = groups.map((group) => ({
		group,
		n: groupN(group),
		mean: meanY + b[0] + strataMix + (group === reference ? 0 : b[1 + others.indexOf(group)])
	}));

	return {
		reference, n, parameters: p, residualDf, sigma: Math.sqrt(variance), level,
		slope: { estimate: b[p - 1], se: se(p - 1) }, contrasts, adjustedMeans
	};
}

function stratumOf(cell: AncovaCell): string {
	return cell.stratum ?? '';
}
