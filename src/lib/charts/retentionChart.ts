import * as Plot from '@observablehq/plot';
import type { RetentionPoint } from '$lib/conditions/conditionsAnalysis';
import { ALL_TECHNIQUES } from '$lib/queries';
import { conditionsChartFrame } from './conditionsChartFrame';
import { sessionAxis, shownInOrder } from './sessionAxis';
import { techniqueLegend } from './techniqueLegend';

export interface RetentionChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** Code to label for techniques. */
	techniqueLabel: (code: string) => string;
	/** Name of the heavy line over every client (e.g. "All techniques"). */
	overallLabel: string;
}

/**
 * Plot options for the share of clients still attending at each session number (clients with a score before that
 * session, as % of those with one at session 1), one line per course technique and a heavier line over every client.
 * Only points with a shown share are drawn: a line joins one shown session to the next across hidden ones, and a dot
 * marks each shown point.
 */
export function retentionChartSpec(points: readonly RetentionPoint[], options: RetentionChartOptions): Plot.PlotOptions {
	const toMark = (p: RetentionPoint) => ({
		session: p.session,
		technique: p.technique === ALL_TECHNIQUES ? options.overallLabel : options.techniqueLabel(p.technique),
		share: p.share as number,
		clients: p.clients,
		started: p.started
	});
	const techniques = shownInOrder(points, (p) => p.share !== null && p.technique !== ALL_TECHNIQUES).map(toMark);
	const overall = shownInOrder(points, (p) => p.share !== null && p.technique === ALL_TECHNIQUES).map(toMark);
	const shown = [...overall, ...techniques];
	const last = Math.max(2, ...shown.map((p) => p.session));
	const legend = techniqueLegend(points.filter((p) => p.share !== null), options.techniqueLabel);
	// A client may have a score at a later session and none at session 1, so a share can pass 100%.
	const top = Math.max(100, ...shown.map((p) => p.share * 100));
	return {
		...conditionsChartFrame(options.width, 260),
		x: sessionAxis(last, options.width),
		y: { label: 'Still attending (% of session 1)', domain: [0, top], percent: true, grid: true },
		color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) },
		marks: [
			Plot.lineY(techniques, { x: 'session', y: 'share', z: 'technique', stroke: 'technique', strokeWidth: 1.5, strokeOpacity: 0.9 }),
			Plot.lineY(overall, { x: 'session', y: 'share', stroke: 'currentColor', strokeWidth: 3 }),
			Plot.dot(overall, { x: 'session', y: 'share', r: 3.5, fill: 'currentColor' }),
			Plot.dot(techniques, { x: 'session', y: 'share', r: 2.5, fill: 'technique' }),
			Plot.tip(
				shown,
				Plot.pointer({
					x: 'session',
					y: 'share',
					channels: {
						technique: { value: 'technique', label: 'Technique' },
						clients: { value: 'clients', label: 'Still attending (n)' },
						started: { value: 'started', label: 'At session 1 (n)' }
					},
					format: { x: true, y: '.0f' }
				})
			)
		]
	};
}
