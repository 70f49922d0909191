import * as Plot from '@observablehq/plot';

/** One condition's bar: its clients, already checked against k. */
export interface ConditionBar {
	/** The condition's code, returned when its bar is clicked. */
	code: string;
	label: string;
	clients: number;
	sessions: number;
}

export interface ConditionBarChartOptions {
	/** Pixel width of the chart. */
	width: number;
	/** A condition picked in this chart: drawn in full, the others faded. */
	picked?: string | null;
}

const ROW_HEIGHT = 26;
const BAR = 'var(--chart-accent, #0f766e)';

/**
 * Distinct clients by primary condition as horizontal bars, largest first, each labelled with its count.
 * A pointer picks the nearest bar, so a click on the chart can pick its condition.
 */
export function conditionBarChartSpec(bars: readonly ConditionBar[], options: ConditionBarChartOptions): Plot.PlotOptions {
	const longest = Math.max(0, ...bars.map((b) => b.label.length));
	const marginLeft = Math.min(190, Math.max(90, 12 + longest * 7));
	const picked = options.picked ?? null;
	const opacity = (b: ConditionBar) => (picked === null || b.code === picked ? 1 : 0.3);
	const top = Math.max(1, ...bars.map((b) => b.clients));
	return {
		width: options.width,
		height: 58 + bars.length * ROW_HEIGHT,
		marginLeft,
		marginRight: 48,
		marginBottom: 42,
		style: { fontSize: '12px', overflow: 'visible' },
		x: {
			label: 'Clients (n)',
			labelAnchor: 'center',
			labelOffset: 36,
			grid: true,
			nice: true,
			domain: [0, top],
			ticks: Math.max(3, Math.floor((options.width - marginLeft) / 110))
		},
		y: { label: null, domain: bars.map((b) => b.label), padding: 0.2 },
		marks: [
			Plot.barX(bars, { y: 'label', x: 'clients', fill: BAR, fillOpacity: opacity }),
			Plot.text(bars, { y: 'label', x: 'clients', text: (b: ConditionBar) => b.clients.toLocaleString('en-GB'), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
			Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
			Plot.tip(
				bars,
				Plot.pointerY({
					y: 'label',
					x: 'clients',
					channels: { sessions: { value: 'sessions', label: 'Sessions' } },
					format: { y: true, x: true, sessions: true }
				})
			)
		]
	};
}
