import { describe, expect, it } from 'vitest';
import { monthDate, trendChartSpec, techniqueLegend, trendLegend, trendTable } from '$lib/charts';
import { CONTEXT_COLOUR } from '$lib/charts/trendLegend';
import { techniqueLabel } from '$lib/domain/labels';
import { ALL_TECHNIQUES, MEASURES, OTHER_TECHNIQUES, type TrendRow } from '$lib/queries';
import { suppressSmallCells } from '$lib/disclosure';
import { renderSvg, savedSvg } from '../support/svgSnapshot';

const raw: TrendRow[] = [
	{ month: '2025-01', technique: 'swedish', mean: 5.1, sessions: 60, clients: 30 },
	{ month: '2025-02', technique: 'swedish', mean: 4.6, sessions: 58, clients: 29 },
	{ month: '2025-03', technique: 'swedish', mean: 4.2, sessions: 20, clients: 9 },
	{ month: '2025-04', technique: 'swedish', mean: 3.9, sessions: 61, clients: 31 },
	{ month: '2025-01', technique: 'deep_tissue', mean: 6.2, sessions: 40, clients: 22 },
	{ month: '2025-02', technique: 'deep_tissue', mean: 5.4, sessions: 41, clients: 21 },
	{ month: '2025-03', technique: 'deep_tissue', mean: 4.8, sessions: 39, clients: 20 },
	{ month: '2025-04', technique: 'deep_tissue', mean: 4.1, sessions: 44, clients: 24 },
	{ month: '2025-01', technique: ALL_TECHNIQUES, mean: 5.54, sessions: 100, clients: 52 },
	{ month: '2025-02', technique: ALL_TECHNIQUES, mean: 4.93, sessions: 99, clients: 50 },
	{ month: '2025-03', technique: ALL_TECHNIQUES, mean: 4.65, sessions: 59, clients: 29 },
	{ month: '2025-04', technique: ALL_TECHNIQUES, mean: 3.98, sessions: 105, clients: 55 }
];
const rows = suppressSmallCells(raw, { clients: (r) => r.clients, group: (r) => r.month });
const pain = MEASURES.find((m) => m.key === 'pain')!;
const options = { measure: pain, width: 640, techniqueLabel, overallLabel: 'All techniques' };

describe('trend chart', () => {
	it('matches the saved SVG for pain before the session', () => {
		const svg = renderSvg(trendChartSpec(rows, { ...options, timepoint: 'pre' }));
		expect(svg).toBe(savedSvg('trend-pain-pre', svg));
	});

	it('matches the saved SVG for improvement within the session, with a zero rule', () => {
		const change = suppressSmallCells(raw.map((r) => ({ ...r, mean: r.mean - 3.5 })), { clients: (r) => r.clients, group: (r) => r.month });
		const svg = renderSvg(trendChartSpec(change, { ...options, timepoint: 'change' }));
		expect(svg).toBe(savedSvg('trend-pain-change', svg));
	});

	it('draws a picked technique bold over the others, which go grey (saved SVG)', () => {
		const svg = renderSvg(trendChartSpec(rows, { ...options, timepoint: 'pre', picked: 'deep_tissue' }));
		expect(svg).toBe(savedSvg('trend-pain-picked', svg));
		// Swedish's line and dots are light grey; deep tissue's line is 3 px wide and its dots larger.
		expect(svg.match(/stroke-opacity="0.35"/g)).toHaveLength(1);
		expect(svg.match(/fill-opacity="0.45"/g)).toHaveLength(1);
		expect(svg).not.toContain('--technique-swedish');
		expect(svg).toContain('stroke-width="3"');
		expect(svg.match(/r="3"/g)).toHaveLength(3);
	});

	it('draws no point for a suppressed group or its complement, and breaks the lines there', () => {
		const spec = trendChartSpec(rows, { ...options, timepoint: 'pre' });
		const svg = renderSvg(spec);
		// March: Swedish (9 clients) is hidden, and so is deep tissue, else it could be subtracted from the total.
		expect(svg.match(/<circle/g)).toHaveLength(6);
		expect(svg).toContain('Pain (0-10, lower is better)');
		expect(monthDate('2025-03').toISOString()).toBe('2025-03-01T00:00:00.000Z');
	});

	it('has a legend of the techniques drawn, each in its fixed colour', () => {
		expect(techniqueLegend(rows, techniqueLabel)).toEqual([
			{ code: 'deep_tissue', label: 'Deep tissue', color: 'var(--technique-deep_tissue, #cc79a7)' },
			{ code: 'swedish', label: 'Swedish (relaxation)', color: 'var(--technique-swedish, #0072b2)' }
		]);
		const onlyMarch = rows.filter((r) => r.month === '2025-03');
		expect(techniqueLegend(onlyMarch, techniqueLabel)).toEqual([]);
	});

	it('gives the same numbers as a table, where a hidden group looks like no data', () => {
		const table = trendTable(rows);
		expect(table.techniques).toEqual([ALL_TECHNIQUES, 'deep_tissue', 'swedish']);
		expect(table.rows[2]).toEqual({
			month: '2025-03',
			cells: [{ kind: 'value', mean: 4.65, clients: 29 }, { kind: 'none' }, { kind: 'none' }]
		});
		expect(table.rows[0].cells[1]).toEqual({ kind: 'value', mean: 6.2, clients: 22 });
		// A chart with nothing shown has an empty table: no months, no techniques.
		expect(trendTable(rows.filter((r) => r.month === '2025-03' && r.technique !== ALL_TECHNIQUES))).toEqual({ techniques: [], rows: [] });
	});
});

describe('a readable trend', () => {
	// Six techniques over two quarters, by clients: swedish > deep tissue > trigger point > the rest; then pooled ones.
	const sizes: [string, number][] = [['swedish', 40], ['deep_tissue', 30], ['trigger_point', 25], ['hydrotherapy', 20], ['prenatal', 15], [OTHER_TECHNIQUES, 18]];
	const many = suppressSmallCells(
		['2025-01', '2025-04'].flatMap((month, i) => [
			...sizes.map(([technique, clients]) => ({ month, technique, mean: 4 + i - clients / 20, sessions: clients * 2, clients })),
			{ month, technique: ALL_TECHNIQUES, mean: 3.5 + i, sessions: 300, clients: 150 }
		]),
		{ clients: (r) => r.clients, group: (r) => r.month }
	);
	const label = (code: string) => (code === OTHER_TECHNIQUES ? 'Other techniques' : techniqueLabel(code));

	it('colours the three busiest techniques and draws the rest light grey, the legend saying the same', () => {
		const legend = trendLegend(many, label);
		expect(legend.filter((l) => l.highlighted).map((l) => l.code)).toEqual(['deep_tissue', 'swedish', 'trigger_point']);
		expect(legend.filter((l) => !l.highlighted).map((l) => [l.code, l.color])).toEqual([
			['hydrotherapy', CONTEXT_COLOUR],
			['prenatal', CONTEXT_COLOUR],
			[OTHER_TECHNIQUES, CONTEXT_COLOUR]
		]);
		expect(legend.at(-1)).toMatchObject({ label: 'Other techniques', pooled: true });
		const svg = renderSvg(trendChartSpec(many, { ...options, techniqueLabel: label, timepoint: 'pre', step: 'quarter' }));
		for (const code of ['swedish', 'deep_tissue', 'trigger_point']) expect(svg).toContain(`--technique-${code}`);
		expect(svg).not.toContain('--technique-hydrotherapy');
		// Quarters are labelled as quarters.
		expect(svg).toContain('2025 Q1');
		expect(svg).toContain('2025 Q2');
	});

	it('colours only a picked technique, drawn last (on top)', () => {
		const legend = trendLegend(many, label, 'prenatal');
		expect(legend.filter((l) => l.highlighted).map((l) => l.code)).toEqual(['prenatal']);
		const svg = renderSvg(trendChartSpec(many, { ...options, techniqueLabel: label, timepoint: 'pre', picked: 'prenatal' }));
		// The last 3 px line (after the heavy all-techniques one) is the picked technique's.
		expect(svg.slice(svg.lastIndexOf('stroke-width="3"'))).toContain('--technique-prenatal');
		expect(svg).not.toContain('--technique-swedish');
		expect(svg).toBe(savedSvg('trend-pain-many-picked', svg));
	});
});

describe('technique colours', () => {
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => {
			const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};

	const contrast = (a: string, b: string) => {
		const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (high + 0.05) / (low + 0.05);
	};

	it('each has at least 3:1 contrast on the light and the dark chart surface, and no two techniques share one', async () => {
		const { TECHNIQUES } = await import('$lib/domain/techniques');
		const { TECHNIQUE_PALETTE, techniqueColor } = await import('$lib/charts/techniqueColors');
		const tones = TECHNIQUES.map((t) => TECHNIQUE_PALETTE[t]);
		// The surfaces are --surface in app.css: #ffffff light, #1b1f25 dark.
		for (const tone of tones) {
			expect(contrast(tone.light, '#ffffff')).toBeGreaterThanOrEqual(3);
			expect(contrast(tone.dark, '#1b1f25')).toBeGreaterThanOrEqual(3);
		}
		expect(new Set(tones.map((t) => t.light)).size).toBe(TECHNIQUES.length);
		expect(new Set(tones.map((t) => t.dark)).size).toBe(TECHNIQUES.length);
		expect(techniqueColor('swedish')).toBe('var(--technique-swedish, #0072b2)');
		// A code outside the list is drawn in the grey of "other".
		expect(techniqueColor('reiki')).toBe('var(--technique-other, #6b7280)');
	});
});
