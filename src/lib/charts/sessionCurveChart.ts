import * as Plot from '@observablehq/plot';
import type { CurvePoint } from '$lib/conditions/conditionsAnalysis';
import { ALL_TECHNIQUES, type Measure } from '$lib/queries';
import { conditionsChartFrame } from './conditionsChartFrame';
import { estimateDots, estimateTip } from './estimateMarks';
import { sessionAxis, shownInOrder } from './sessionAxis';
import { techniqueLegend } from './techniqueLegend';

export interface SessionCurveChartOptions {
	measure: Measure;
	/** Pixel width of the chart. */
	width: number;
	/** Code to label for techniques. */
	techniqueLabel: (code: string) => string;
	/** Name of the heavy line over every client (e.g. "All techniques"). */
	overallLabel: string;
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
		...estimateTip(p),
		clients: p.clients,
		unstable: p.unstable
	});
	const techniques = shownInOrder(points, (p) => !p.suppressed && p.technique !== ALL_TECHNIQUES).map(toMark);
	const overall = shownInOrder(points, (p) => !p.suppressed && p.technique === ALL_TECHNIQUES).map(toMark);
	const shownPoints = [...overall, ...techniques];
	const banded = (line: typeof shownPoints) => line.filter((p) => p.lower !== null && p.upper !== null);
	const last = Math.max(2, ...shownPoints.map((p) => p.session));
	const legend = techniqueLegend(points, options.techniqueLabel);
	// The axis follows the means; a band wider than the chart (a point from one or two clients, in the only-me view)
	// is clipped at its edge rather than stretching the axis for every other line.
	const top = Math.max(measure.domain[1], ...shownPoints.map((p) => p.mean));
	return {
		...conditionsChartFrame(options.width, 280),
		x: sessionAxis(last, options.width),
		y: { label: measure.axisLabel, domain: [measure.domain[0], top], grid: true, nice: true },
		color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
		marks: [
			Plot.areaY(banded(techniques), { x: 'session', y1: 'lower', y2: 'upper', z: 'technique', fill: 'technique', fillOpacity: 0.12, clip: true }),
			Plot.areaY(banded(overall), { x: 'session', y1: 'lower', y2: 'upper', fill: 'currentColor', fillOpacity: 0.08, clip: true }),
			Plot.lineY(techniques, { x: 'session', y: 'mean', z: 'technique', stroke: 'technique', strokeWidth: 1.5, strokeOpacity: 0.9 }),
			Plot.lineY(overall, { x: 'session', y: 'mean', stroke: 'currentColor', strokeWidth: 3 }),
			...estimateDots(overall, { x: 'session', y: 'mean', r: 3.5, color: 'currentColor', strokeWidth: 2 }),
			...estimateDots(techniques, { x: 'session', y: 'mean', r: 2.5, color: 'technique', strokeWidth: 1.5 }),
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
