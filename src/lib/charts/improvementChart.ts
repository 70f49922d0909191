import * as Plot from '@observablehq/plot';

/** One group's two changes as drawn: each null when hidden or missing. */
export interface ImprovementGroup {
	/** The group's label, e.g. a condition. */
	label: string;
	/** Across-course change with its 95% CI (the bounds null for a single client). */
	course: { mean: number; lower: number | null; upper: number | null; n: number } | null;
	/** Within-session change with its 95% CI. */
	within: { mean: number; lower: number | null; upper: number | null; n: number } | null;
}

export interface ImprovementChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** x-axis label, naming the measure, its unit and direction. */
	axisLabel: string;
	/** A shorter x-axis label for when the long one does not fit the chart's width. */
	shortAxisLabel?: string;
}

/** Names of the two markers, as the legend and the tooltip give them. */
export const IMPROVEMENT_KINDS = { course: 'Over a course', within: 'Within a session' } as const;

/** Each kind's colour (Okabe-Ito blue and vermillion, 3:1 on both themes' chart backgrounds) and marker shape. */
export const IMPROVEMENT_MARKS = {
	course: { color: '#0072b2', symbol: 'circle', offset: -6 },
	within: { color: '#d55e00', symbol: 'diamond', offset: 6 }
} as const;

const ROW_HEIGHT = 36;

type Point = { label: string; kind: string; mean: number; lower: number | null; upper: number | null; n: number };

/**
 * A forest of improvements: for each group (rows in the order given), the change over a course as a dot and the
 * change within a session as a diamond just below it, each with its 95% CI as a line; a rule at no change.
 */
export function improvementChartSpec(groups: readonly ImprovementGroup[], options: ImprovementChartOptions): Plot.PlotOptions {
	const longest = Math.max(0, ...groups.map((g) => g.label.length));
	const marginLeft = Math.min(170, Math.max(80, 12 + longest * 6.5));
	const points = (kind: 'course' | 'within'): Point[] =>
		groups.flatMap((g) => {
			const change = g[kind];
			return change ? [{ label: g.label, kind: IMPROVEMENT_KINDS[kind], ...change }] : [];
		});
	const marks = (kind: 'course' | 'within') => {
		const data = points(kind);
		const { color, symbol, offset } = IMPROVEMENT_MARKS[kind];
		return [
			Plot.ruleY(
				data.filter((p) => p.lower !== null),
				{ y: 'label', x1: 'lower', x2: 'upper', dy: offset, stroke: color, strokeWidth: 2.5 }
			),
			Plot.dot(data, { y: 'label', x: 'mean', dy: offset, r: 5, symbol, fill: kind === 'course' ? color : 'white', stroke: color, strokeWidth: 2 })
		];
	};
	const all = [...points('course'), ...points('within')];
	// About 6.5 px a character at 12 px: a label wider than the plotting area would be cut at the chart's edge.
	const fits = options.axisLabel.length * 6.5 <= options.width - marginLeft - 24;
	return {
		width: options.width,
		height: 56 + groups.length * ROW_HEIGHT,
		marginLeft,
		marginRight: 24,
		marginBottom: 46,
		style: { fontSize: '12px', overflow: 'visible' },
		x: {
			label: fits ? options.axisLabel : (options.shortAxisLabel ?? options.axisLabel),
			labelAnchor: 'center',
			labelOffset: 38,
			grid: true,
			nice: true,
			ticks: Math.max(3, Math.floor((options.width - marginLeft) / 80))
		},
		y: { label: null, domain: groups.map((g) => g.label), padding: 0.2 },
		marks: [
			Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
			...marks('course'),
			...marks('within'),
			Plot.tip(
				all,
				Plot.pointer({
					y: 'label',
					x: 'mean',
					channels: {
						kind: { value: 'kind', label: 'Change' },
						interval: { value: (p: Point) => (p.lower === null || p.upper === null ? '–' : `${p.lower.toFixed(2)} to ${p.upper.toFixed(2)}`), label: '95% CI' },
						n: { value: 'n', label: 'Clients (n)' }
					},
					format: { y: true, kind: true, x: (v: number) => v.toFixed(2), interval: true, n: true }
				})
			)
		]
	};
}
