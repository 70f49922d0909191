import * as Plot from '@observablehq/plot';
import { funnelLimits } from '$lib/stats/funnel';

/** One unit (e.g. a home therapist) on a funnel plot. */
export interface FunnelChartPoint {
	/** Shown beside the point, e.g. the therapist's id. */
	label: string;
	/** Clients in the unit: the x position. */
	n: number;
	/** The unit's difference from the target, e.g. observed minus expected change. */
	value: number;
	/** Beyond the 99.8% limits: drawn filled. */
	outside: boolean;
}

export interface FunnelChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** y-axis label, naming the measure and its unit. */
	yLabel: string;
	/** The line every unit is compared with (0 for differences from expected). */
	target: number;
	/** SD of one client's value around the target: sets how fast the funnel narrows. */
	sd: number;
	/** Name of the target line, e.g. "Expected". */
	targetLabel: string;
}

const LIMIT_STEPS = 80;
const HEIGHT = 300;
const MARGIN = { left: 48, right: 28, top: 20, bottom: 44 };
const OUTSIDE_COLOR = '#b42318';

/** "+0.2", "0", "−0.2": the sign says which side of the target. */
export function signedTick(value: number): string {
	if (value === 0) return '0';
	return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

/** Points along the limits from n = lo to hi, long form: one row per n, limit and side. */
function limitLines(options: FunnelChartOptions, lo: number, hi: number) {
	const ns = Array.from({ length: LIMIT_STEPS + 1 }, (_, i) => lo + ((hi - lo) * i) / LIMIT_STEPS);
	return funnelLimits(options.target, options.sd, ns).flatMap((p) => [
		{ n: p.n, limit: '95%', side: 'upper', value: p.upper95 },
		{ n: p.n, limit: '95%', side: 'lower', value: p.lower95 },
		{ n: p.n, limit: '99.8%', side: 'upper', value: p.upper998 },
		{ n: p.n, limit: '99.8%', side: 'lower', value: p.lower998 }
	]);
}

/** Where a point's label goes, relative to the point. */
type LabelSide = 'right' | 'left' | 'above' | 'below';

const LABEL_OFFSETS: Record<LabelSide, { dx: number; dy: number; textAnchor: 'start' | 'end' | 'middle' }> = {
	right: { dx: 7, dy: 0, textAnchor: 'start' },
	left: { dx: -7, dy: 0, textAnchor: 'end' },
	above: { dx: 0, dy: -11, textAnchor: 'middle' },
	below: { dx: 0, dy: 12, textAnchor: 'middle' }
};

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Each label goes on the first side (right, left, above, below) where it covers no other point and no label placed
 * before it, so neighbours of similar size and value stay readable at 360 px. Positions are estimated in pixels
 * from the domains; a label that fits nowhere stays on the right.
 */
function labelSides(
	points: readonly FunnelChartPoint[],
	frame: { x: [number, number]; y: [number, number]; width: number; height: number; target: number; targetLabel: string }
): LabelSide[] {
	const px = (n: number) => MARGIN.left + ((n - frame.x[0]) / (frame.x[1] - frame.x[0])) * (frame.width - MARGIN.left - MARGIN.right);
	const py = (v: number) => MARGIN.top + ((frame.y[1] - v) / (frame.y[1] - frame.y[0])) * (frame.height - MARGIN.top - MARGIN.bottom);
	const dots: Box[] = points.map((p) => ({ left: px(p.n) - 5, right: px(p.n) + 5, top: py(p.value) - 5, bottom: py(p.value) + 5 }));
	// The target line's own label, at its left end.
	const targetTop = py(frame.target) - 13;
	const placed: Box[] = [{ left: MARGIN.left, right: MARGIN.left + 3 + 6 * frame.targetLabel.length, top: targetTop, bottom: targetTop + 11 }];
	return points.map((p, i) => {
		const width = 6.5 * p.label.length;
		const box = (side: LabelSide): Box => {
			const { dx, dy, textAnchor } = LABEL_OFFSETS[side];
			const x = px(p.n) + dx;
			const left = textAnchor === 'start' ? x : textAnchor === 'end' ? x - width : x - width / 2;
			const y = py(p.value) + dy;
			return { left, right: left + width, top: y - 6, bottom: y + 6 };
		};
		const free = (b: Box) => !placed.some((q) => overlaps(b, q)) && !dots.some((d, j) => j !== i && overlaps(b, d));
		const side = (['right', 'left', 'above', 'below'] as const).find((s) => free(box(s))) ?? 'right';
		placed.push(box(side));
		return side;
	});
}

/**
 * Plot options for a funnel plot (Spiegelhalter 2005): each unit's value against its number of clients, with 95%
 * (dashed) and 99.8% (solid) control limits around the target. Units are labelled, never ranked; a unit outside the
 * 99.8% limits is filled. Readable at 360 px: the x range spans the units' sizes, not from zero.
 */
export function funnelChartSpec(points: readonly FunnelChartPoint[], options: FunnelChartOptions): Plot.PlotOptions {
	const ns = points.map((p) => p.n);
	const lo = Math.max(1, Math.floor(Math.min(...ns) * 0.75));
	const hi = Math.ceil(Math.max(...ns) * 1.1) + 1;
	const lines = limitLines(options, lo, hi);
	const [widest] = funnelLimits(options.target, options.sd, [lo]);
	const reach = Math.max(widest.upper998 - options.target, ...points.map((p) => Math.abs(p.value - options.target)));
	const labelAt = (limit: string) => lines.find((l) => l.limit === limit && l.side === 'upper')!;
	const y: [number, number] = [options.target - reach * 1.1, options.target + reach * 1.1];
	const sides = labelSides(points, { x: [lo, hi], y, width: options.width, height: HEIGHT, target: options.target, targetLabel: options.targetLabel });
	const labels = (Object.keys(LABEL_OFFSETS) as LabelSide[]).map((side) =>
		Plot.text(points.filter((_, i) => sides[i] === side), { x: 'n', y: 'value', text: 'label', ...LABEL_OFFSETS[side], fontSize: 11, fill: 'currentColor' })
	);
	return {
		width: options.width,
		height: HEIGHT,
		marginLeft: MARGIN.left,
		marginRight: MARGIN.right,
		marginTop: MARGIN.top,
		marginBottom: MARGIN.bottom,
		style: { fontSize: '12px', overflow: 'visible' },
		x: { label: 'Clients (n)', domain: [lo, hi], grid: true, labelOffset: 38 },
		y: { label: options.yLabel, domain: y, grid: true, tickFormat: signedTick },
		marks: [
			Plot.ruleY([options.target], { stroke: 'currentColor', strokeWidth: 1.5 }),
			Plot.text([{ n: lo, value: options.target }], { x: 'n', y: 'value', text: () => options.targetLabel, textAnchor: 'start', dx: 3, dy: -7, fill: 'currentColor', fontSize: 10 }),
			Plot.line(lines.filter((l) => l.limit === '95%'), { x: 'n', y: 'value', z: 'side', stroke: '#6b7280', strokeDasharray: '4 3' }),
			Plot.line(lines.filter((l) => l.limit === '99.8%'), { x: 'n', y: 'value', z: 'side', stroke: '#374151' }),
			Plot.text([labelAt('95%'), labelAt('99.8%')], { x: 'n', y: 'value', text: 'limit', textAnchor: 'start', dx: 3, dy: -6, fill: '#374151', fontSize: 10 }),
			Plot.dot(points.filter((p) => !p.outside), { x: 'n', y: 'value', r: 4, stroke: 'currentColor', fill: 'white', strokeWidth: 1.5 }),
			Plot.dot(points.filter((p) => p.outside), { x: 'n', y: 'value', r: 4.5, fill: OUTSIDE_COLOR, stroke: OUTSIDE_COLOR }),
			...labels,
			Plot.tip(
				points,
				Plot.pointer({
					x: 'n',
					y: 'value',
					channels: { therapist: { value: 'label', label: 'Therapist' } },
					format: { x: true, y: '+.2f', therapist: true }
				})
			)
		]
	};
}
