import * as Plot from '@observablehq/plot';
import { ALL_TECHNIQUES, type Measure, type Timepoint, type TrendRow } from '$lib/queries';
import type { Suppressed } from '$lib/disclosure';
import { techniqueLegend } from './techniqueLegend';

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
}

/** `YYYY-MM` to the first of that month in UTC. */
export function monthDate(month: string): Date {
	return new Date(`${month}-01T00:00:00Z`);
}

/**
 * Plot options for a measure's monthly trend by technique, with the month's mean over all techniques as a
 * heavier line in the text colour. Suppressed points keep their place with no value,
 * so a line breaks where a group was too small instead of joining across it.
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
	const legend = techniqueLegend(rows, options.techniqueLabel);
	const months = new Set(rows.map((r) => r.month)).size;
	const monthsPerTick = Math.max(1, Math.ceil(months / Math.max(2, Math.floor(options.width / 80))));
	return {
		width: options.width,
		height: 260,
		marginLeft: 44,
		marginRight: 30,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { type: 'utc', label: null, ticks: `${monthsPerTick} months`, tickFormat: '%b %Y' },
		y: {
			label: isChange ? `Improvement within session (${measure.instrument.unit === 'degrees' ? '% of normal' : 'points'})` : measure.axisLabel,
			domain: isChange ? undefined : [measure.domain[0], top],
			grid: true,
			nice: true
		},
		color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
		marks: [
			...(isChange ? [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 })] : []),
			...techniqueMarks(points, shown, options.picked ?? null),
			Plot.lineY(overall, { x: 'date', y: 'mean', stroke: 'currentColor', strokeWidth: 3, curve: 'monotone-x' }),
			Plot.tip(
				[...overallShown, ...shown],
				Plot.pointer({
					x: 'date',
					y: 'mean',
					channels: { month: { value: 'date', label: 'Month' }, technique: { value: 'technique', label: 'Technique' }, clients: { value: 'clients', label: 'Clients (n)' } },
					format: { x: false, month: '%B %Y', y: '.2f' }
				})
			)
		]
	};
}

type TrendPoint = { date: Date; technique: string; code: string; mean: number | undefined };

/** The technique lines and dots; with a technique picked, it is drawn over the others, which fade. */
function techniqueMarks(points: TrendPoint[], shown: TrendPoint[], picked: string | null): Plot.Markish[] {
	const line = (data: TrendPoint[], strokeWidth: number, strokeOpacity: number) =>
		Plot.lineY(data, { x: 'date', y: 'mean', z: 'technique', stroke: 'technique', strokeWidth, strokeOpacity, curve: 'monotone-x' });
	if (picked === null) return [line(points, 1.5, 0.85), Plot.dot(shown, { x: 'date', y: 'mean', fill: 'technique', r: 2 })];
	const isPicked = (p: TrendPoint) => p.code === picked;
	return [
		line(points.filter((p) => !isPicked(p)), 1.5, 0.25),
		Plot.dot(shown.filter((p) => !isPicked(p)), { x: 'date', y: 'mean', fill: 'technique', r: 2, fillOpacity: 0.25 }),
		line(points.filter(isPicked), 3, 1),
		Plot.dot(shown.filter(isPicked), { x: 'date', y: 'mean', fill: 'technique', r: 3 })
	];
}
