import * as Plot from '@observablehq/plot';

/** One estimate with its 95% interval, one row of the chart. */
export interface IntervalRow {
	/** The row's label, e.g. a technique. */
	label: string;
	estimate: number;
	lower: number;
	upper: number;
	/** Clients behind the estimate, for the tooltip. */
	n: number;
	/** Fewer than 20 clients: drawn hollow. */
	unstable?: boolean;
}

export interface IntervalChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** x-axis label, naming the measure and its direction. */
	axisLabel: string;
	/** A shorter x-axis label for when the long one does not fit the chart's width. */
	shortAxisLabel?: string;
	/** A vertical rule for "no difference", e.g. 0; null for none. */
	zero?: number | null;
	/** Format estimates as percentages (0-1 shown as 0-100%). */
	percent?: boolean;
	/** Fixed x domain, e.g. [0, 1] for rates. */
	domain?: [number, number];
}

const ROW_HEIGHT = 34;

/**
 * A forest-style chart: each row's estimate as a dot with its 95% interval as a line, rows in the order given,
 * an unstable estimate (n < 20) as a hollow dot. Used for adjusted differences, rates and mean changes alike.
 */
export function intervalChartSpec(rows: readonly IntervalRow[], options: IntervalChartOptions): Plot.PlotOptions {
	const longest = Math.max(0, ...rows.map((r) => r.label.length));
	const marginLeft = Math.min(180, Math.max(80, 12 + longest * 7));
	const format = options.percent ? (v: number) => `${Math.round(v * 100)}%` : (v: number) => v.toFixed(2);
	// About 6.5 px a character at 12 px: a label wider than the plotting area would be cut at the chart's edge.
	const fits = options.axisLabel.length * 6.5 <= options.width - marginLeft - 24;
	const axisLabel = fits ? options.axisLabel : (options.shortAxisLabel ?? options.axisLabel);
	const stable = rows.filter((r) => !r.unstable);
	const unstable = rows.filter((r) => r.unstable);
	return {
		width: options.width,
		height: 66 + rows.length * ROW_HEIGHT,
		marginLeft,
		marginRight: 24,
		marginBottom: 46,
		style: { fontSize: '12px', overflow: 'visible' },
		x: {
			label: axisLabel,
			labelAnchor: 'center',
			labelOffset: 38,
			grid: true,
			nice: true,
			domain: options.domain,
			tickFormat: options.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined,
			ticks: Math.max(3, Math.floor((options.width - marginLeft) / 80))
		},
		y: { label: null, domain: rows.map((r) => r.label), padding: 0.4 },
		marks: [
			...(options.zero === null || options.zero === undefined ? [] : [Plot.ruleX([options.zero], { stroke: 'currentColor', strokeOpacity: 0.6 })]),
			Plot.ruleY(rows, { y: 'label', x1: 'lower', x2: 'upper', stroke: '#0f766e', strokeWidth: 2.5 }),
			Plot.dot(stable, { y: 'label', x: 'estimate', r: 5, fill: '#0f766e', stroke: 'white' }),
			Plot.dot(unstable, { y: 'label', x: 'estimate', r: 5, fill: 'white', stroke: '#0f766e', strokeWidth: 2 }),
			Plot.tip(
				rows,
				Plot.pointer({
					y: 'label',
					x: 'estimate',
					channels: {
						interval: { value: (r: IntervalRow) => `${format(r.lower)} to ${format(r.upper)}`, label: '95% CI' },
						n: { value: 'n', label: 'Clients (n)' }
					},
					format: { y: true, x: (v: number) => format(v), interval: true, n: true }
				})
			)
		]
	};
}
