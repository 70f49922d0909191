import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { romChangeChartSpec, romProgressChartSpec, type RomChangePoint, type RomProgressPoint } from '$lib/charts/romChart';
import { renderSvg, savedSvg } from '../../support/svgSnapshot';

// All courses of the demo data, first session before -> last session after (romDemoEffects.test.ts), rounded;
// hip flexion marked unstable to show how a small group is drawn.
const progress: RomProgressPoint[] = [
	{ label: 'Cervical rotation', baseline: 68.2, end: 83.8, unstable: false },
	{ label: 'Hip flexion', baseline: 80.8, end: 93.3, unstable: true },
	{ label: 'Shoulder abduction', baseline: 66.2, end: 79.8, unstable: false },
	{ label: 'Shoulder flexion', baseline: 71.9, end: 85.2, unstable: false },
	{ label: 'Trunk/lumbar flexion', baseline: 67.9, end: 82.9, unstable: false }
];
const change: RomChangePoint[] = [
	{ label: 'Cervical rotation', mean: 12.45, lower: 11.86, upper: 13.04, mdc: 9.6, unstable: false },
	{ label: 'Hip flexion', mean: 15.64, lower: 14.26, upper: 17.01, mdc: null, unstable: true },
	{ label: 'Shoulder abduction', mean: 24.45, lower: 22.95, upper: 25.96, mdc: 8, unstable: false },
	{ label: 'Shoulder flexion', mean: 23.9, lower: 22.59, upper: 25.22, mdc: 8, unstable: false },
	{ label: 'Trunk/lumbar flexion', mean: 13.46, lower: 12.75, upper: 14.18, mdc: null, unstable: false }
];

function parse(svg: string): Document {
	return new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
}

describe('ROM charts', () => {
	it('matches the saved SVG: % of normal before the first session and at the end of the course', () => {
		const svg = renderSvg(romProgressChartSpec(progress, { width: 640 }));
		expect(svg).toBe(savedSvg('rom-progress', svg));
	});

	it('matches the saved SVG: across-course change with 95% CIs and MDC ticks, at 640 and 320 px', () => {
		const wide = renderSvg(romChangeChartSpec(change, { width: 640 }));
		expect(wide).toBe(savedSvg('rom-change', wide));
		const narrow = renderSvg(romChangeChartSpec(change, { width: 320 }));
		expect(narrow).toBe(savedSvg('rom-change-narrow', narrow));
	});

	it('draws an MDC tick only where one is published, and says so in the label where not', () => {
		const doc = parse(renderSvg(romChangeChartSpec(change, { width: 640 })));
		expect(doc.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(3);
		expect(doc.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(5);
		const labels = [...doc.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
		expect(labels).toEqual([
			'Cervical rotation',
			'Hip flexion (unstable: n < 20) · no published MDC',
			'Shoulder abduction',
			'Shoulder flexion',
			'Trunk/lumbar flexion · no published MDC'
		]);
	});

	it('puts labels above their rows, wrapping them where the chart is narrow rather than overlapping the marks', () => {
		const narrow = parse(renderSvg(romChangeChartSpec(change, { width: 320 })));
		const longest = [...narrow.querySelectorAll('g[aria-label="text"] text')].find((t) => t.textContent?.startsWith('Hip flexion'))!;
		expect(longest.querySelectorAll('tspan').length).toBe(2);
		// Every label is anchored at the left of the frame: no y axis margin is needed at any width.
		for (const text of narrow.querySelectorAll('g[aria-label="text"] text')) expect(text.getAttribute('text-anchor') ?? 'start').toBe('start');
	});

	it('keeps the normal range (100%) in view and draws it', () => {
		const doc = parse(renderSvg(romProgressChartSpec(progress, { width: 360 })));
		const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toContain('Normal');
		expect(texts).toContain('100');
		expect(doc.querySelectorAll('g[aria-label="arrow"] path')).toHaveLength(5);
	});
});
