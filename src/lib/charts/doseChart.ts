import * as Plot from '@observablehq/plot';
import type { DosePoint } from '$lib/conditions/conditionsAnalysis';
import type { Measure } from '$lib/queries';
import { conditionsChartFrame } from './conditionsChartFrame';
import { estimateDots, estimateTip } from './estimateMarks';

export interface DoseChartOptions {
	measure: Measure;
	/** Pixel width of the chart. */
	width: number;
}

/** The y-axis label of an across-course change: units, and which way is better. */
export function changeAxisLabel(measure: Measure): string {
	return `Course improvement (${measure.key === 'rom' ? '% of normal' : 'points'})`;
}

/**
 * Plot options for the mean across-course change by number of sessions attended: a dot per bucket of course
 * lengths with its 95% CI as a vertical bar, and a rule at no change. Hidden buckets keep their slot, empty.
 * Buckets from fewer than 20 clients are drawn hollow (unstable).
 */
export function doseChartSpec(points: readonly DosePoint[], options: DoseChartOptions): Plot.PlotOptions {
	const shown = points
		.filter((p) => !p.suppressed)
		.map((p) => ({
			label: p.label,
			mean: p.mean,
			lower: p.lower,
			upper: p.upper,
			clients: p.clients,
			...estimateTip(p),
			unstable: p.unstable
		}));
	const values = shown.flatMap((p) => [p.lower ?? p.mean, p.upper ?? p.mean]);
	return {
		...conditionsChartFrame(options.width, 260),
		x: { label: 'Sessions attended', domain: points.map((p) => p.label), padding: 0.3, labelOffset: 36 },
		y: { label: changeAxisLabel(options.measure), domain: [Math.min(0, ...values), Math.max(0, ...values)], grid: true, nice: true },
		marks: [
			Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
			Plot.ruleX(shown, { x: 'label', y1: 'lower', y2: 'upper', stroke: 'currentColor', strokeWidth: 2 }),
			...estimateDots(shown, { x: 'label', y: 'mean', r: 4.5, color: 'currentColor', strokeWidth: 2 }),
			Plot.tip(
				shown,
				Plot.pointerX({
					x: 'label',
					y: 'mean',
					channels: {
						interval: { value: 'interval', label: '95% CI' },
						clients: { value: 'clients', label: 'Clients (n)' },
						stability: { value: 'stability', label: 'Note' }
					},
					format: { x: true, y: '.2f' }
				})
			)
		]
	};
}
