import * as Plot from '@observablehq/plot';

/** One movement in the chart of where courses started and ended, as % of the movement's normal range. */
export interface RomProgressPoint {
	/** Movement label. */
	label: string;
	/** Mean % of normal before the first session measured. */
	baseline: number;
	/** Mean % of normal at the end of the course, for the same clients. */
	end: number;
	/** From fewer than 20 clients. */
	unstable: boolean;
}

/** One movement in the chart of across-course change in degrees. */
export interface RomChangePoint {
	label: string;
	mean: number;
	/** 95% CI of the mean. */
	lower: number;
	upper: number;
	/** The movement's minimal detectable change in degrees, or null when none is published. */
	mdc: number | null;
	unstable: boolean;
}

export interface RomChartOptions {
	/** Pixel width of the chart. */
	width: number;
}

/** Colour of the end of a course and of the estimates (the app's accent, 5:1 on white). */
export const ROM_END_COLOR = '#0f766e';
/** Colour of the MDC marks (4.9:1 on white). */
export const ROM_MDC_COLOR = '#b42318';

const FONT_SIZE = 12;
const MARGIN = { top: 8, right: 16, bottom: 34, left: 8 };

/** Row height: a label line above each row's marks, two lines where the chart is too narrow for one. */
function rowStep(width: number): number {
	return width < 420 ? 62 : 48;
}

/** Labels sit above their row, left-aligned, so a long movement name never overlaps the marks or needs a margin. */
function rowLabels<T>(points: T[], label: (p: T) => string, width: number): Plot.Markish {
	return Plot.text(points, {
		y: label,
		text: label,
		frameAnchor: 'left',
		textAnchor: 'start',
		lineAnchor: 'bottom',
		// In ems. Plot wraps by its own estimate of text width; a tenth to spare for wider system fonts.
		lineWidth: (0.9 * (width - MARGIN.left - MARGIN.right)) / FONT_SIZE,
		dy: -9,
		fill: 'currentColor'
	});
}

function frame(rows: number, width: number, domain: [number, number], label: string): Plot.PlotOptions {
	const step = rowStep(width);
	return {
		width,
		height: MARGIN.top + MARGIN.bottom + rows * step,
		marginTop: MARGIN.top,
		marginRight: MARGIN.right,
		marginBottom: MARGIN.bottom,
		marginLeft: MARGIN.left,
		style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
		x: { domain, label, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: Math.max(3, Math.floor(width / 90)) },
		// Labels are drawn as text above each row; the band leaves the top of the row for them.
		y: { type: 'band', axis: null, padding: 0 }
	};
}

/** `movement (unstable)` where the estimate comes from fewer than 20 clients. */
function flagged(point: { label: string; unstable: boolean }): string {
	return point.unstable ? `${point.label} (unstable: n < 20)` : point.label;
}

/**
 * Plot options for where courses started and ended, per movement: an open dot before the first session measured,
 * an arrow to a filled dot at the end of the course (same clients), and the normal range (100%) as a rule.
 */
export function romProgressChartSpec(points: readonly RomProgressPoint[], options: RomChartOptions): Plot.PlotOptions {
	const rows = points.map((p) => ({ ...p, row: flagged(p) }));
	const low = Math.min(...rows.map((p) => Math.min(p.baseline, p.end)));
	const high = Math.max(...rows.map((p) => Math.max(p.baseline, p.end)));
	const domain: [number, number] = [Math.max(0, Math.floor((low - 5) / 10) * 10), Math.max(105, Math.ceil(high + 5))];
	return {
		...frame(rows.length, options.width, domain, 'Range of motion (% of normal) →'),
		marks: [
			Plot.ruleX([100], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.7 }),
			// At the foot of the frame, below the last row's marks and away from the labels above each row.
			Plot.text([100], { x: (d: number) => d, frameAnchor: 'bottom', lineAnchor: 'bottom', text: () => 'Normal', textAnchor: 'end', dx: -4, dy: -2, fill: 'currentColor' }),
			rowLabels(rows, (p) => p.row, options.width),
			Plot.arrow(rows, { x1: 'baseline', x2: 'end', y: 'row', stroke: ROM_END_COLOR, strokeWidth: 1.5, headLength: 7, insetEnd: 5, insetStart: 5 }),
			Plot.dot(rows, { x: 'baseline', y: 'row', r: 4.5, stroke: 'currentColor', fill: 'white', strokeWidth: 1.5 }),
			Plot.dot(rows, { x: 'end', y: 'row', r: 4.5, fill: ROM_END_COLOR, fillOpacity: (p: (typeof rows)[number]) => (p.unstable ? 0.45 : 1) })
		]
	};
}

/**
 * Plot options for the mean across-course change in degrees per movement with its 95% CI, and the movement's MDC
 * as a short red tick; a movement without a published MDC says so in its label.
 */
export function romChangeChartSpec(points: readonly RomChangePoint[], options: RomChartOptions): Plot.PlotOptions {
	const rows = points.map((p) => ({ ...p, row: p.mdc === null ? `${flagged(p)} · no published MDC` : flagged(p) }));
	const values = rows.flatMap((p) => [p.lower, p.upper, ...(p.mdc === null ? [] : [p.mdc])]);
	const domain: [number, number] = [Math.min(0, Math.floor(Math.min(...values))), Math.ceil(Math.max(1, ...values) * 1.05)];
	const tickInset = rowStep(options.width) / 2 - 8;
	return {
		...frame(rows.length, options.width, domain, 'Change across the course (degrees) →'),
		marks: [
			Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
			rowLabels(rows, (p) => p.row, options.width),
			Plot.tickX(
				rows.filter((p) => p.mdc !== null),
				{ x: 'mdc', y: 'row', stroke: ROM_MDC_COLOR, strokeWidth: 2.5, insetTop: tickInset, insetBottom: tickInset }
			),
			Plot.ruleY(rows, { y: 'row', x1: 'lower', x2: 'upper', stroke: ROM_END_COLOR, strokeWidth: 2.5 }),
			Plot.dot(rows, { x: 'mean', y: 'row', r: 4.5, fill: ROM_END_COLOR, stroke: 'white', fillOpacity: (p: (typeof rows)[number]) => (p.unstable ? 0.45 : 1) }),
			Plot.tip(
				rows,
				Plot.pointerY({
					x: 'mean',
					y: 'row',
					channels: { lower: { value: 'lower', label: '95% CI from' }, upper: { value: 'upper', label: 'to' }, mdc: { value: 'mdc', label: 'MDC' } },
					format: { y: false, x: '.1f', lower: '.1f', upper: '.1f', mdc: (d: number | null) => (d === null ? 'none published' : String(d)) }
				})
			)
		]
	};
}
