import { describe, expect, it } from 'vitest';
import { intervalChartSpec, type IntervalRow } from '$lib/charts/intervalChart';
import { renderSvg, savedSvg } from '../support/svgSnapshot';

const rows: IntervalRow[] = [
	{ label: 'Deep tissue', estimate: 1.23, lower: 0.75, upper: 1.72, n: 81 },
	{ label: 'Myofascial release', estimate: 0.53, lower: 0.03, upper: 1.04, n: 69 },
	{ label: 'Trigger point', estimate: 0.58, lower: 0.08, upper: 1.09, n: 70 },
	{ label: 'Lymphatic drainage', estimate: -0.49, lower: -1.39, upper: 0.4, n: 17, unstable: true }
];

describe('interval (forest) chart', () => {
	it('matches the saved SVG: a dot and 95% CI per row, a rule at 0, the unstable row hollow', () => {
		const svg = renderSvg(intervalChartSpec(rows, { width: 560, axisLabel: 'Adjusted difference in improvement (points)', zero: 0 }));
		expect(svg).toBe(savedSvg('interval-adjusted', svg));
	});

	it('draws one interval per row and labels every row, in the order given', () => {
		const svg = renderSvg(intervalChartSpec(rows, { width: 560, axisLabel: 'x', zero: 0 }));
		expect(svg.match(/<line/g)?.length).toBeGreaterThanOrEqual(rows.length);
		const positions = rows.map((r) => svg.indexOf(`>${r.label}<`));
		expect(positions.every((p) => p > 0)).toBe(true);
		expect(svg).toContain('fill="white" stroke="#0f766e"');
	});

	it('uses the short axis label when the long one would be cut at a phone’s width', () => {
		const options = { axisLabel: 'Adjusted difference in improvement (points)', shortAxisLabel: 'Difference (points)', zero: 0 };
		expect(renderSvg(intervalChartSpec(rows, { ...options, width: 320 }))).toContain('Difference (points)');
		expect(renderSvg(intervalChartSpec(rows, { ...options, width: 320 }))).not.toContain('Adjusted difference');
		expect(renderSvg(intervalChartSpec(rows, { ...options, width: 640 }))).toContain('Adjusted difference in improvement (points)');
	});

	it('shows rates as percentages on a 0-100% axis', () => {
		const rates = [{ label: 'Swedish', estimate: 0.37, lower: 0.25, upper: 0.5, n: 54 }];
		const svg = renderSvg(intervalChartSpec(rates, { width: 400, axisLabel: 'Clients responding (%)', percent: true, domain: [0, 1] }));
		expect(svg).toContain('>100%<');
		expect(svg).toContain('>0%<');
	});
});
