import { describe, expect, it } from 'vitest';
import { funnelChartSpec, type FunnelChartPoint } from '$lib/charts/funnelChart';
import { therapistIntervalChartSpec, type IntervalChartRow } from '$lib/charts/therapistIntervalChart';
import { renderSvg, savedSvg } from '../../support/svgSnapshot';

// The demo data's pain results by home therapist (observed minus expected, rounded), and the model's residual SD.
const RESULTS: [string, number, number, number, number][] = [
	['T01', 128, 0.245, 0.013, 0.477],
	['T02', 129, -0.078, -0.316, 0.159],
	['T03', 137, -0.464, -0.667, -0.26],
	['T04', 166, -0.04, -0.256, 0.176],
	['T05', 125, 0.004, -0.235, 0.244],
	['T06', 138, -0.269, -0.497, -0.041],
	['T07', 135, 0.477, 0.211, 0.744],
	['T08', 126, -0.002, -0.214, 0.21],
	['T09', 113, 0.164, -0.103, 0.43],
	['T10', 133, 0.159, -0.07, 0.387],
	['T11', 145, -0.095, -0.305, 0.115],
	['T12', 115, -0.04, -0.285, 0.205]
];
const SIGMA = 1.3843;
const OUTSIDE = new Set(['T03', 'T07']);
const points: FunnelChartPoint[] = RESULTS.map(([label, n, value]) => ({ label, n, value, outside: OUTSIDE.has(label) }));
const rows: IntervalChartRow[] = RESULTS.map(([label, , value, lower, upper]) => ({ label, value, lower, upper, outside: OUTSIDE.has(label) }));
const funnelOptions = { yLabel: 'Pain improvement vs expected (points)', target: 0, sd: SIGMA, targetLabel: 'Expected' };

describe('funnel chart', () => {
	it('matches the saved SVG at 360 px', () => {
		const svg = renderSvg(funnelChartSpec(points, { ...funnelOptions, width: 360 }));
		expect(svg).toBe(savedSvg('therapists-funnel-pain', svg));
	});

	it('labels every therapist, fills the two outside the 99.8% limits, and draws four limit lines', () => {
		const svg = renderSvg(funnelChartSpec(points, { ...funnelOptions, width: 640 }));
		for (const [label] of RESULTS) expect(svg).toContain(`>${label}<`);
		expect(svg.match(/<circle/g)).toHaveLength(12);
		const filled = svg.match(/<g[^>]*fill="#b42318"[^>]*>(.*?)<\/g>/)![1];
		expect(filled.match(/<circle/g)).toHaveLength(2);
		expect(svg.match(/<path[^>]*d="M/g)!.length).toBeGreaterThanOrEqual(4);
		expect(svg).toContain('Pain improvement vs expected (points)');
		expect(svg).toContain('99.8%');
	});

	it('spans the therapists’ sizes and is symmetric about the target, wide enough for the widest limit and every point', () => {
		const spec = funnelChartSpec(points, { ...funnelOptions, width: 360 });
		// n from 0.75 × 113 = 84 to 1.1 × 166 + 1 = 184. At n = 84 the 99.8% limit is 3.0902 × 1.3843 / √84 = 0.4668;
		// T07 (+0.477) lies farther out, so it sets the reach, plus 10%.
		expect(spec.x!.domain).toEqual([84, 184]);
		const [low, high] = spec.y!.domain as number[];
		expect(high).toBeCloseTo(0.477 * 1.1, 12);
		const farOut = funnelChartSpec(points.filter((p) => p.label !== 'T07'), { ...funnelOptions, width: 360 });
		expect((farOut.y!.domain as number[])[1]).toBeCloseTo(0.4668 * 1.1, 3);
		expect(low).toBeCloseTo(-high, 12);
	});
});

describe('therapist interval chart', () => {
	it('matches the saved SVG: one row per therapist in id order, a rule at 0', () => {
		const spec = therapistIntervalChartSpec(rows, { width: 360, xLabel: 'Pain improvement vs expected (points)' });
		expect(spec.y!.domain).toEqual(RESULTS.map(([label]) => label));
		const svg = renderSvg(spec);
		expect(svg).toBe(savedSvg('therapists-intervals-pain', svg));
	});
});
