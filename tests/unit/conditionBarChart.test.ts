import { describe, expect, it } from 'vitest';
import { conditionBarChartSpec, type ConditionBar } from '$lib/charts';
import { renderSvg, savedSvg } from '../support/svgSnapshot';

const bars: ConditionBar[] = [
	{ code: 'chronic_low_back_pain', label: 'Chronic low back pain', clients: 412, sessions: 3120 },
	{ code: 'neck_pain', label: 'Neck pain', clients: 288, sessions: 2001 },
	{ code: 'tension_headache', label: 'Tension-type headache', clients: 97, sessions: 640 }
];

describe('conditions bar chart', () => {
	it('matches the saved SVG, one bar per condition labelled with its clients', () => {
		const svg = renderSvg(conditionBarChartSpec(bars, { width: 640 }));
		expect(svg).toBe(savedSvg('conditions-clients', svg));
		expect(svg.match(/<rect/g)).toHaveLength(3);
		for (const text of ['412', '288', '97', 'Neck pain', 'Clients (n)']) expect(svg).toContain(text);
		expect(svg).not.toContain('fill-opacity="0.3"');
	});

	it('fades every bar but a picked one', () => {
		const svg = renderSvg(conditionBarChartSpec(bars, { width: 640, picked: 'neck_pain' }));
		expect(svg).toBe(savedSvg('conditions-clients-picked', svg));
		expect(svg.match(/fill-opacity="0.3"/g)).toHaveLength(2);
	});
});
