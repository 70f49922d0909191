import { describe, expect, it } from 'vitest';
import { improvementChartSpec, type ImprovementGroup } from '$lib/charts/improvementChart';
import { renderSvg, savedSvg } from '../support/svgSnapshot';

const groups: ImprovementGroup[] = [
	{ label: 'Chronic low back pain', course: { mean: 1.46, lower: 1.27, upper: 1.65, n: 274 }, within: { mean: 1.3, lower: 1.22, upper: 1.38, n: 321 } },
	{ label: 'Tension headache', course: { mean: 1.48, lower: 1.21, upper: 1.75, n: 130 }, within: { mean: 1.26, lower: 1.16, upper: 1.36, n: 147 } },
	{ label: 'Anxiety / stress', course: { mean: 0.29, lower: 0.06, upper: 0.53, n: 119 }, within: { mean: 1.01, lower: 0.91, upper: 1.1, n: 138 } },
	// The course change hidden (too few clients), the within-session change shown.
	{ label: 'Hypertension', course: null, within: { mean: 0.8, lower: 0.4, upper: 1.2, n: 18 } }
];
const options = { width: 560, axisLabel: 'Pain improvement (0-10 points, higher is better)' };

describe('improvement chart', () => {
	it('matches the saved SVG: a dot and a diamond per group, each with its interval', () => {
		const svg = renderSvg(improvementChartSpec(groups, options));
		expect(svg).toBe(savedSvg('overview-improvement', svg));
		expect(svg).toContain('Pain improvement (0-10 points, higher is better)');
		expect(svg).toContain('Hypertension');
	});

	it('draws nothing for a hidden change and keeps the groups in the order given', () => {
		const spec = improvementChartSpec(groups, options);
		expect((spec.y as { domain: string[] }).domain).toEqual(groups.map((g) => g.label));
		const data = (spec.marks as unknown as { data?: unknown[] }[]).map((m) => m.data?.length);
		// The rule at 0, then course interval and dots (3), then within-session interval and diamonds (4).
		expect(data.slice(1, 5)).toEqual([3, 3, 4, 4]);
	});
});
