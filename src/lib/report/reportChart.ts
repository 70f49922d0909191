import * as Plot from '@observablehq/plot';
import type { ReportBar } from './reportModel';

export interface VolumeChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** What a bar covers. */
	unit: 'week' | 'month';
}

/** Sessions per week or month of the period as bars; hidden bars are left out, their place left empty. */
export function volumeChartSpec(bars: readonly ReportBar[], options: VolumeChartOptions): Plot.PlotOptions {
	const points = bars.map((b) => ({ start: barLabel(b.start, options.unit), sessions: b.sessions }));
	return {
		width: options.width,
		height: 200,
		marginLeft: 48,
		style: { fontSize: '12px' },
		x: { type: 'band', label: null, domain: points.map((p) => p.start) },
		y: { label: 'Sessions', grid: true, nice: true },
		marks: [
			Plot.barY(points.filter((p) => p.sessions !== null), { x: 'start', y: 'sessions', fill: 'currentColor', fillOpacity: 0.75 }),
			Plot.text(points.filter((p) => p.sessions !== null), { x: 'start', y: 'sessions', text: (p) => String(p.sessions), dy: -6 }),
			Plot.ruleY([0])
		]
	};
}

const monthFormat = new Intl.DateTimeFormat('en-CA', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A bar's name: "Week of Mar 3" or "Mar 2025". */
export function barLabel(start: string, unit: 'week' | 'month'): string {
	const date = new Date(`${start}T00:00:00Z`);
	return unit === 'month' ? monthFormat.format(date) : `Week of ${dayFormat.format(date)}`;
}
