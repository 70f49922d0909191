import type * as Plot from '@observablehq/plot';

/** The frame the conditions page's charts share, so that their plot areas line up: size, margins and type. */
export function conditionsChartFrame(width: number, height: number): Plot.PlotOptions {
	return { width, height, marginLeft: 44, marginRight: 16, marginBottom: 40, style: { fontSize: '12px', overflow: 'visible' } };
}
