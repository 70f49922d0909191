import * as Plot from '@observablehq/plot';
import type { Measure } from '$lib/measures';

/** One session of a client's course against what is expected there (null where too few clients like them reached it). */
export interface CoursePoint {
	session: number;
	score: number | null;
	expected: number | null;
	/** The band of usual variation, within the instrument's range. */
	low: number | null;
	high: number | null;
	/** Outside the band on the worse side. */
	behind: boolean;
}

export interface ExpectedCourseChartOptions {
	measure: Measure;
	/** Pixel width of the chart. */
	width: number;
}

/**
 * A client's scores by session (dots joined by a line, in the accent; a score beyond the band on the worse side in
 * the alert red) over their expected course: the expected score as a dashed line, the band of usual variation as a
 * grey area.
 */
export function expectedCourseChartSpec(points: readonly CoursePoint[], options: ExpectedCourseChartOptions): Plot.PlotOptions {
	const { measure } = options;
	const scored = points.filter((p) => p.score !== null);
	const last = Math.max(2, ...points.map((p) => p.session));
	const expected = points.filter((p) => p.expected !== null);
	return {
		width: options.width,
		height: 280,
		marginLeft: 44,
		marginRight: 20,
		marginBottom: 40,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { label: 'Session', labelAnchor: 'center', labelOffset: 34, domain: [1, last], ticks: Math.min(last, 12), tickFormat: 'd' },
		y: { label: measure.axisLabel, domain: measure.domain, grid: true },
		marks: [
			Plot.areaY(expected, { x: 'session', y1: 'low', y2: 'high', fill: '#6b7280', fillOpacity: 0.2, curve: 'monotone-x' }),
			Plot.lineY(expected, { x: 'session', y: 'expected', stroke: '#374151', strokeWidth: 1.5, strokeDasharray: '5,4', curve: 'monotone-x' }),
			Plot.lineY(scored, { x: 'session', y: 'score', stroke: '#0f766e', strokeWidth: 2 }),
			Plot.dot(scored, { x: 'session', y: 'score', r: 4, fill: (p: CoursePoint) => (p.behind ? '#b42318' : '#0f766e'), stroke: 'white', strokeWidth: 1 }),
			Plot.tip(
				scored,
				Plot.pointerX({
					x: 'session',
					y: 'score',
					channels: { expected: { value: 'expected', label: 'Expected' }, low: { value: 'low', label: 'Usual from' }, high: { value: 'high', label: 'Usual to' } },
					format: { x: true, y: true, expected: '.1f', low: '.1f', high: '.1f' }
				})
			)
		]
	};
}
