import * as Plot from '@observablehq/plot';
import type { CurvePoint } from '$lib/conditions/conditionsAnalysis';
import { ALL_TECHNIQUES, type Measure } from '$lib/queries';
import { techniqueColor } from './techniqueColors';
import type { LegendEntry } from './trendChart';

export interface SessionCurveChartOptions {
	measure: Measure;
	/** Pixel width of the chart. */
	width: number;
	/** Code to label for techniques. */
	techniqueLabel: (code: string) => string;
	/** Name of the heavy line over every client (e.g. "All techniques"). */
	overallLabel: string;
}

/** The course techniques a chart draws (at least one point shown), in label order, with their fixed colours. */
export function techniqueLegend(
	rows: readonly { technique: string; suppressed: boolean }[],
	techniqueLabel: (code: string) => string
): LegendEntry[] {
	const codes = new Set(rows.filter((r) => !r.suppressed && r.technique !== ALL_TECHNIQUES).map((r) => r.technique));
	return [...codes].map((code) => ({ label: techniqueLabel(code), color: techniqueColor(code) })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Session-number ticks that stay legible at 360 px: every session when there is room, else every second or more. */
export function sessionTicks(last: number, width: number): number[] {
	const step = Math.max(1, Math.ceil(last / Math.max(2, Math.floor(width / 28))));
	return Array.from({ length: last }, (_, i) => i + 1).filter((s) => (s - 1) % step === 0);
}

const format = (x: number) => x.toFixed(2);

/**
 * The shown points of a chart drawn as lines, in session order: a line through them joins the sessions shown with
 * straight segments, across any hidden session between them, and never passes through a hidden value.
 */
export function shownInOrder<P extends { session: number }>(points: readonly P[], shown: (point: P) => boolean): P[] {
	return points.filter(shown).sort((a, b) => a.session - b.session);
}

/**
 * Plot options for a measure's mean score before each session number, one line per course technique with its 95% CI
 * as a band, and the mean over every client as a heavier line. Lines, bands and dots are drawn from the shown
 * points only: a line joins one shown session to the next across hidden ones, and a dot marks each shown point.
 * Points from fewer than 20 clients are drawn hollow (unstable).
 */
export function sessionCurveChartSpec(points: readonly CurvePoint[], options: SessionCurveChartOptions): Plot.PlotOptions {
	const { measure } = options;
	const toMark = (p: CurvePoint) => ({
		session: p.session,
		technique: p.technique === ALL_TECHNIQUES ? options.overallLabel : options.techniqueLabel(p.technique),
		mean: p.mean as number,
		lower: p.lower,
		upper: p.upper,
		interval: p.lower === null || p.upper === null ? null : `${format(p.lower)} to ${format(p.upper)}`,
		clients: p.clients,
		// Tips skip empty channels, so only an unstable point says so.
		stability: p.unstable ? 'unstable (n < 20)' : null,
		unstable: p.unstable
	});
	const techniques = shownInOrder(points, (p) => !p.suppressed && p.technique !== ALL_TECHNIQUES).map(toMark);
	const overall = shownInOrder(points, (p) => !p.suppressed && p.technique === ALL_TECHNIQUES).map(toMark);
	const shownPoints = [...overall, ...techniques];
	const banded = (line: typeof shownPoints) => line.filter((p) => p.lower !== null && p.upper !== null);
	const last = Math.max(2, ...shownPoints.map((p) => p.session));
	const legend = techniqueLegend(points, options.techniqueLabel);
	const top = Math.max(measure.domain[1], ...shownPoints.map((p) => p.upper ?? p.mean));
	return {
		width: options.width,
		height: 280,
		marginLeft: 44,
		marginRight: 16,
		marginBottom: 40,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { label: 'Session number', labelOffset: 36, domain: [1, last], ticks: sessionTicks(last, options.width), tickFormat: 'd' },
		y: { label: measure.axisLabel, domain: [measure.domain[0], top], grid: true, nice: true },
		color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
		marks: [
			Plot.areaY(banded(techniques), { x: 'session', y1: 'lower', y2: 'upper', z: 'technique', fill: 'technique', fillOpacity: 0.12 }),
			Plot.areaY(banded(overall), { x: 'session', y1: 'lower', y2: 'upper', fill: 'currentColor', fillOpacity: 0.08 }),
			Plot.lineY(techniques, { x: 'session', y: 'mean', z: 'technique', stroke: 'technique', strokeWidth: 1.5, strokeOpacity: 0.9 }),
			Plot.lineY(overall, { x: 'session', y: 'mean', stroke: 'currentColor', strokeWidth: 3 }),
			Plot.dot(overall.filter((p) => !p.unstable), { x: 'session', y: 'mean', r: 3.5, fill: 'currentColor' }),
			Plot.dot(overall.filter((p) => p.unstable), { x: 'session', y: 'mean', r: 3.5, stroke: 'currentColor', fill: 'white', strokeWidth: 2 }),
			Plot.dot(techniques.filter((p) => !p.unstable), { x: 'session', y: 'mean', r: 2.5, fill: 'technique' }),
			Plot.dot(techniques.filter((p) => p.unstable), { x: 'session', y: 'mean', r: 2.5, stroke: 'technique', fill: 'white', strokeWidth: 1.5 }),
			Plot.tip(
				shownPoints,
				Plot.pointer({
					x: 'session',
					y: 'mean',
					channels: {
						technique: { value: 'technique', label: 'Technique' },
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
