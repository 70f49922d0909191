import * as Plot from '@observablehq/plot';
import { signedTick } from './funnelChart';

/** One therapist's estimate with its confidence interval. */
export interface IntervalChartRow {
	/** The therapist's id: one row of the chart. */
	label: string;
	value: number;
	lower: number;
	upper: number;
	/** Beyond the funnel's 99.8% limits: drawn filled. */
	outside: boolean;
}

export interface IntervalChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** x-axis label, naming the measure and its unit. */
	xLabel: string;
}

const OUTSIDE_COLOR = '#b42318';

/**
 * Plot options for estimates with 95% CIs, one row per therapist in the order given (by id: never a league
 * table), with a rule at 0, the clinic's expectation.
 */
export function therapistIntervalChartSpec(rows: readonly IntervalChartRow[], options: IntervalChartOptions): Plot.PlotOptions {
	const reach = Math.max(0.5, ...rows.flatMap((r) => [Math.abs(r.lower), Math.abs(r.upper)]));
	return {
		width: options.width,
		height: 44 + 26 * rows.length,
		marginLeft: 44,
		marginRight: 16,
		marginBottom: 44,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { label: options.xLabel, domain: [-reach * 1.05, reach * 1.05], grid: true, tickFormat: signedTick, labelOffset: 38 },
		y: { label: null, domain: rows.map((r) => r.label) },
		marks: [
			Plot.ruleX([0], { stroke: 'currentColor', strokeWidth: 1.5 }),
			Plot.ruleY(rows, { y: 'label', x1: 'lower', x2: 'upper', stroke: 'currentColor', strokeWidth: 2 }),
			Plot.dot(rows.filter((r) => !r.outside), { x: 'value', y: 'label', r: 4, stroke: 'currentColor', fill: 'white', strokeWidth: 1.5 }),
			Plot.dot(rows.filter((r) => r.outside), { x: 'value', y: 'label', r: 4.5, fill: OUTSIDE_COLOR, stroke: OUTSIDE_COLOR }),
			Plot.tip(
				rows,
				Plot.pointerY({
					x: 'value',
					y: 'label',
					channels: { lower: { value: 'lower', label: '95% CI from' }, upper: { value: 'upper', label: 'to' } },
					format: { x: '+.2f', y: true, lower: '+.2f', upper: '+.2f' }
				})
			)
		]
	};
}
