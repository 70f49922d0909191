import * as Plot from '@observablehq/plot';

/** An estimate as the conditions charts draw it: a mean with its 95% CI, flagged when from fewer than 20 clients. */
export interface Estimate {
	lower: number | null;
	upper: number | null;
	unstable: boolean;
}

export interface EstimateDotsOptions {
	/** Channels of the dot's position. */
	x: string;
	y: string;
	/** Radius in pixels. */
	r: number;
	/** A colour, or the channel that gives one (e.g. 'technique'). */
	color: string;
	/** Outline width of a hollow dot. */
	strokeWidth: number;
}

/** The tip's channels beyond the value: the 95% CI, and a note on an unstable estimate. Tips skip empty channels. */
export function estimateTip(estimate: Estimate): { interval: string | null; stability: string | null } {
	const { lower, upper } = estimate;
	return {
		interval: lower === null || upper === null ? null : `${lower.toFixed(2)} to ${upper.toFixed(2)}`,
		stability: estimate.unstable ? 'unstable (n < 20)' : null
	};
}

/** A dot per estimate: filled, or hollow where it is unstable. */
export function estimateDots(points: readonly { unstable: boolean }[], options: EstimateDotsOptions): Plot.Dot[] {
	const { x, y, r, color, strokeWidth } = options;
	return [
		Plot.dot(points.filter((p) => !p.unstable), { x, y, r, fill: color }),
		Plot.dot(points.filter((p) => p.unstable), { x, y, r, stroke: color, fill: 'white', strokeWidth })
	];
}
