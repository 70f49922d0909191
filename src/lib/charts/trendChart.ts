import * as Plot from '@observablehq/plot';
import { ALL_TECHNIQUES, type Measure, type Timepoint, type TrendRow, type TrendStep } from '$lib/queries';
import type { Suppressed } from '$lib/disclosure';
import { formatPeriod } from '$lib/format';
import { CONTEXT_COLOUR, trendLegend } from './trendLegend';

export interface TrendChartOptions {
	measure: Measure;
	timepoint: Timepoint;
	/** Pixel width of the chart. */
	width: number;
	/** Code to label for techniques. */
	techniqueLabel: (code: string) => string;
	/** Name of the heavy line, the month's mean over the techniques shown (e.g. "All techniques"). */
	overallLabel: string;
	/** A technique picked in a chart: drawn bolder, the others faded. */
	picked?: string | null;
	/** How long a point is: a month (the default), a quarter or a year. */
	step?: TrendStep;
}

/** Axis ticks of each step: how many months a tick spans at least, and its label. */
const TICKS: Record<TrendStep, { months: number; format: (d: Date) => string }> = {
	month: { months: 1, format: (d) => formatPeriod(d.toISOString().slice(0, 7), 'month') },
	quarter: { months: 3, format: (d) => formatPeriod(d.toISOString().slice(0, 7), 'quarter') },
	year: { months: 12, format: (d) => formatPeriod(d.toISOString().slice(0, 7), 'year') }
};

/** `YYYY-MM` to the first of that month in UTC. */
export function monthDate(month: string): Date {
	return new Date(`${month}-01T00:00:00Z`);
}

/**
 * Plot options for a measure's trend by technique, month by month (or by quarter or year), with the period's mean
 * over all techniques as a heavier line in the text colour. Only a few techniques are drawn in colour (the picked
 * one, on top, or the busiest: trendLegend), the others as light grey lines behind them. Suppressed points keep their
 * place with no value, so a line breaks where a group was too small instead of joining across it.
 */
export function trendChartSpec(rows: readonly Suppressed<TrendRow>[], options: TrendChartOptions): Plot.PlotOptions {
	const { measure, timepoint } = options;
	const toPoint = (r: Suppressed<TrendRow>) => ({
		date: monthDate(r.month),
		technique: r.technique === ALL_TECHNIQUES ? options.overallLabel : options.techniqueLabel(r.technique),
		code: r.technique,
		mean: r.suppressed ? undefined : r.mean,
		clients: r.clients,
		sessions: r.sessions
	});
	const points = rows.filter((r) => r.technique !== ALL_TECHNIQUES).map(toPoint);
	const overall = rows.filter((r) => r.technique === ALL_TECHNIQUES).map(toPoint);
	const shown = points.filter((p) => p.mean !== undefined);
	const overallShown = overall.filter((p) => p.mean !== undefined);
	const isChange = timepoint === 'change';
	const top = Math.max(measure.domain[1], ...[...shown, ...overallShown].map((p) => p.mean as number));
	const picked = options.picked ?? null;
	const legend = trendLegend(rows, options.techniqueLabel, picked);
	const coloured = legend.filter((l) => l.highlighted);
	const step = TICKS[options.step ?? 'month'];
	const periods = new Set(rows.map((r) => r.month)).size;
	const periodsPerTick = Math.max(1, Math.ceil(periods / Math.max(2, Math.floor(options.width / 80))));
	return {
		width: options.width,
		height: 260,
		marginLeft: 44,
		marginRight: 30,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { type: 'utc', label: null, ticks: `${periodsPerTick * step.months} months`, tickFormat: step.format },
		y: {
			label: isChange ? `Improvement within session (${measure.instrument.unit === 'degrees' ? '% of normal' : 'points'})` : measure.axisLabel,
			domain: isChange ? undefined : [measure.domain[0], top],
			grid: true,
			nice: true
		},
		color: { domain: coloured.map((l) => l.label), range: coloured.map((l) => l.color) },
		marks: [
			...(isChange ? [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 })] : []),
			...techniqueMarks(points, shown, new Set(coloured.map((l) => l.code)), picked, [
				Plot.lineY(overall, { x: 'date', y: 'mean', stroke: 'currentColor', strokeWidth: 3, curve: 'monotone-x' })
			]),
			Plot.tip(
				[...overallShown, ...shown],
				Plot.pointer({
					x: 'date',
					y: 'mean',
					channels: {
						period: { value: (p: { date: Date }) => step.format(p.date), label: options.step === 'year' ? 'Year' : options.step === 'quarter' ? 'Quarter' : 'Month' },
						technique: { value: 'technique', label: 'Technique' },
						clients: { value: 'clients', label: 'Clients (n)' }
					},
					format: { x: false, period: true, y: '.2f' }
				})
			)
		]
	};
}

type TrendPoint = { date: Date; technique: string; code: string; mean: number | undefined };

/**
 * The technique lines and dots: the grey ones first, then those in colour, then the heavy line, then a picked
 * technique on top of all.
 */
function techniqueMarks(points: TrendPoint[], shown: TrendPoint[], coloured: Set<string>, picked: string | null, heavy: Plot.Markish[]): Plot.Markish[] {
	const line = (data: TrendPoint[], stroke: string, strokeWidth: number, strokeOpacity: number) =>
		Plot.lineY(data, { x: 'date', y: 'mean', z: 'technique', stroke, strokeWidth, strokeOpacity, curve: 'monotone-x' });
	const grey = (p: TrendPoint) => !coloured.has(p.code);
	const colour = (p: TrendPoint) => coloured.has(p.code) && p.code !== picked;
	const isPicked = (p: TrendPoint) => p.code === picked;
	return [
		line(points.filter(grey), CONTEXT_COLOUR, 1, 0.35),
		Plot.dot(shown.filter(grey), { x: 'date', y: 'mean', fill: CONTEXT_COLOUR, fillOpacity: 0.45, r: 1.5 }),
		line(points.filter(colour), 'technique', 2, 0.9),
		Plot.dot(shown.filter(colour), { x: 'date', y: 'mean', fill: 'technique', r: 2.5 }),
		...heavy,
		line(points.filter(isPicked), 'technique', 3, 1),
		Plot.dot(shown.filter(isPicked), { x: 'date', y: 'mean', fill: 'technique', r: 3 })
	];
}
