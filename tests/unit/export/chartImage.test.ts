// @vitest-environment jsdom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '$lib/export';

function drawnChart(): SVGSVGElement {
	const svg = Plot.plot({ width: 300, height: 200, marks: [Plot.dot([{ x: 1, y: 2 }, { x: 3, y: 4 }], { x: 'x', y: 'y', fill: 'var(--accent)' })] }) as SVGSVGElement;
	svg.setAttribute('aria-hidden', 'true');
	document.body.append(svg);
	return svg;
}

describe('standaloneSvg', () => {
	it('is an SVG document with the title, the subtitle, a white background and no page-only attributes', () => {
		const text = standaloneSvg(drawnChart(), { title: 'Pain (0-10) by technique', subtitle: 'n = 418 clients' });
		expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('aria-hidden')).toBeNull();
		expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['300', '200']);
		expect(root.querySelector('title')?.textContent).toBe('Pain (0-10) by technique');
		expect(root.querySelector('desc')?.textContent).toBe('n = 418 clients');
		expect(root.querySelector('rect')?.getAttribute('fill')).toBe('white');
		expect(root.querySelectorAll('circle')).toHaveLength(2);
		expect(root.querySelector('style')).toBeNull();
	});
});
