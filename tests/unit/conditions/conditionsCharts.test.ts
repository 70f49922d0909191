import { describe, expect, it } from 'vitest';
import { changeAxisLabel, doseChartSpec } from '$lib/charts/doseChart';
import { retentionChartSpec } from '$lib/charts/retentionChart';
import { sessionCurveChartSpec } from '$lib/charts/sessionCurveChart';
import { sessionTicks, shownInOrder } from '$lib/charts/sessionAxis';
import { techniqueLegend } from '$lib/charts/techniqueLegend';
import { dosePoints, retentionPoints, sessionCurvePoints } from '$lib/conditions/conditionsAnalysis';
import { doseTable, retentionTable, sessionCurveTable } from '$lib/conditions/conditionsTables';
import { columnLabel, OVERALL_LABEL } from '$lib/conditions/conditionsText';
import { techniqueLabel } from '$lib/domain/labels';
import { ALL_TECHNIQUES, MEASURES } from '$lib/queries';
import type { SessionCurveRow } from '$lib/queries/sessionCurves';
import { renderSvg, savedSvg } from '../../support/svgSnapshot';

const pain = MEASURES.find((m) => m.key === 'pain')!;
const label = columnLabel(techniqueLabel);

// Shaped like low back pain in the demo data: deep tissue falls faster than Swedish, and numbers thin out.
const curveRows: SessionCurveRow[] = [
	[1, 322, 5.91, 1.6, 97, 5.91, 1.5, 64, 5.77, 1.6],
	[2, 274, 5.19, 1.7, 81, 4.99, 1.6, 54, 5.32, 1.7],
	[3, 246, 4.98, 1.7, 75, 4.56, 1.7, 49, 5.04, 1.7],
	[4, 222, 4.51, 1.8, 68, 4.25, 1.8, 43, 4.67, 1.8],
	[5, 203, 4.37, 1.8, 63, 4.0, 1.8, 16, 5.0, 1.9],
	[6, 186, 4.37, 1.8, 61, 4.02, 1.8, 8, 4.91, 1.9]
].flatMap(([session, n, mean, sd, dn, dmean, dsd, sn, smean, ssd]) => [
	{ session, technique: ALL_TECHNIQUES, clients: n, mean, sd },
	{ session, technique: 'deep_tissue', clients: dn, mean: dmean, sd: dsd },
	{ session, technique: 'swedish', clients: sn, mean: smean, sd: ssd }
]);
const curves = sessionCurvePoints(curveRows, 11);
const chartOptions = { techniqueLabel, overallLabel: OVERALL_LABEL };

describe('session curve chart', () => {
	it('matches the saved SVG, at 640 and 360 px', () => {
		const svg = renderSvg(sessionCurveChartSpec(curves, { ...chartOptions, measure: pain, width: 640 }));
		expect(svg).toBe(savedSvg('conditions-session-curve-pain', svg));
		const narrow = renderSvg(sessionCurveChartSpec(curves, { ...chartOptions, measure: pain, width: 360 }));
		expect(narrow).toBe(savedSvg('conditions-session-curve-pain-narrow', narrow));
	});

	it('draws a dot per shown point, hollow when unstable, none where hidden', () => {
		const svg = renderSvg(sessionCurveChartSpec(curves, { ...chartOptions, measure: pain, width: 640 }));
		// Shown: deep tissue and Swedish at sessions 1, 3 and 5 (Swedish's 16 clients at session 5 hollow), all
		// techniques at 1 to 5. Hidden: Swedish at 2 (10 below 64) and deep tissue with it (the total would give Swedish
		// back); both at 4 (7 and 6 below session 3); at 6 Swedish (8) and deep tissue (2 below 63), and the total,
		// which would give their sum.
		expect(svg.match(/<circle/g)).toHaveLength(6 + 5);
		expect(svg.match(/fill="white"/g)).toHaveLength(1);
		expect(svg).toContain('Pain (0-10, lower is better)');
		expect(svg).toContain('Session number');
	});

	it('keeps session ticks legible at 360 px', () => {
		expect(sessionTicks(20, 640)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
		expect(sessionTicks(20, 360)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
		expect(sessionTicks(6, 360)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('has a legend of the techniques drawn and a table with the CI and n of every shown point', () => {
		expect(techniqueLegend(curves, techniqueLabel)).toEqual([
			{ code: 'deep_tissue', label: 'Deep tissue', color: 'var(--technique-deep_tissue, #cc79a7)' },
			{ code: 'swedish', label: 'Swedish (relaxation)', color: 'var(--technique-swedish, #0072b2)' }
		]);
		const table = sessionCurveTable(curves, label);
		expect(table.columns).toEqual(['Session', 'All techniques', 'Deep tissue', 'Swedish (relaxation)']);
		expect(table.rows[0].header).toBe('1');
		expect(table.rows[0].cells[1]).toMatch(/^5\.9 \(5\.\d to 6\.\d\) \[n = 97\]$/);
		expect(table.rows[1].cells).toEqual([expect.stringMatching(/\[n = 274\]$/), '–', '–']);
		expect(table.rows[4].cells[2]).toMatch(/\[n = 16\] †$/);
		expect(table.rows.map((r) => r.header)).toEqual(['1', '2', '3', '4', '5']);
	});

	it('joins each line’s shown points in session order, across hidden sessions, and nothing else', () => {
		const line = [{ session: 3, mean: 4 }, { session: 1, mean: 5 }, { session: 2, mean: null }, { session: 4, mean: 3.8 }];
		expect(shownInOrder(line, (p) => p.mean !== null).map((p) => p.session)).toEqual([1, 3, 4]);
		const svg = renderSvg(sessionCurveChartSpec(curves, { ...chartOptions, measure: pain, width: 640 }));
		// One line per technique through sessions 1, 3 and 5 (three vertices, no break), and the overall through 1 to 5.
		const lines = [...svg.matchAll(/<g aria-label="line".*?<\/g>/g)].flatMap((g) => [...g[0].matchAll(/ d="([^"]*)"/g)].map((m) => m[1]));
		expect(lines.map((d) => d.split(/[ML]/).filter(Boolean).length).sort()).toEqual([3, 3, 5]);
		const overall = [
			{ session: 1, technique: ALL_TECHNIQUES, clients: 60, mean: 5, sd: 1.5 },
			{ session: 2, technique: ALL_TECHNIQUES, clients: 55, mean: 4.8, sd: 1.5 },
			{ session: 3, technique: ALL_TECHNIQUES, clients: 40, mean: 4.5, sd: 1.5 },
			{ session: 4, technique: ALL_TECHNIQUES, clients: 36, mean: 4.4, sd: 1.5 }
		];
		// Session 2 (5 below 60) and 4 (4 below 40) are hidden: a dot at sessions 1 and 3, joined by a line.
		const joined = renderSvg(sessionCurveChartSpec(sessionCurvePoints(overall, 11), { ...chartOptions, measure: pain, width: 640 }));
		expect(joined.match(/<circle/g)).toHaveLength(2);
		expect(joined).toMatch(/ d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+"/);
	});
});

describe('attendance chart', () => {
	const rows = [
		{ session: 1, technique: ALL_TECHNIQUES, clients: 322, started: 322 },
		{ session: 1, technique: 'deep_tissue', clients: 97, started: 97 },
		{ session: 1, technique: 'swedish', clients: 64, started: 64 },
		{ session: 2, technique: ALL_TECHNIQUES, clients: 274, started: 322 },
		{ session: 2, technique: 'deep_tissue', clients: 81, started: 97 },
		{ session: 2, technique: 'swedish', clients: 54, started: 64 },
		{ session: 3, technique: ALL_TECHNIQUES, clients: 246, started: 322 },
		{ session: 3, technique: 'deep_tissue', clients: 75, started: 97 },
		{ session: 3, technique: 'swedish', clients: 9, started: 64 }
	];
	const points = retentionPoints(rows, 11);

	it('matches the saved SVG', () => {
		const svg = renderSvg(retentionChartSpec(points, { ...chartOptions, width: 360 }));
		expect(svg).toBe(savedSvg('conditions-retention', svg));
		expect(svg).toContain('Still attending (% of session 1)');
	});

	it('tables the count still attending with its share of those who started', () => {
		// Session 2: Swedish is 10 below 64, and deep tissue goes with it (the total would give Swedish back).
		// Session 3: Swedish has 9 clients, and deep tissue goes with it (the total minus deep tissue would give 9).
		expect(retentionTable(points, label).rows).toEqual([
			{ header: '1', cells: ['322 (100%)', '97 (100%)', '64 (100%)'] },
			{ header: '2', cells: ['274 (85%)', '–', '–'] },
			{ header: '3', cells: ['246 (76%)', '–', '–'] }
		]);
	});
});

describe('dose chart', () => {
	const points = dosePoints(
		[
			{ bucket: 0, clients: 162, mean: 0.35, sd: 1.54, sdBaseline: 2, sdEnd: 2.2 },
			{ bucket: 1, clients: 130, mean: 0.53, sd: 1.48, sdBaseline: 2, sdEnd: 2.2 },
			{ bucket: 2, clients: 219, mean: 0.81, sd: 1.48, sdBaseline: 2, sdEnd: 2.2 },
			{ bucket: 3, clients: 373, mean: 1.21, sd: 1.52, sdBaseline: 2, sdEnd: 2.2 },
			{ bucket: 4, clients: 343, mean: 1.42, sd: 1.59, sdBaseline: 2, sdEnd: 2.2 },
			{ bucket: 5, clients: 17, mean: 1.72, sd: 1.67, sdBaseline: 2, sdEnd: 2.2 }
		],
		11
	);

	it('matches the saved SVG, with an unstable bucket hollow', () => {
		const svg = renderSvg(doseChartSpec(points, { measure: pain, width: 480 }));
		expect(svg).toBe(savedSvg('conditions-dose-pain', svg));
		expect(svg.match(/<circle/g)).toHaveLength(6);
		expect(svg.match(/fill="white"/g)).toHaveLength(1);
		expect(svg).toContain(changeAxisLabel(pain));
	});

	it('tables n, mean and CI per course length', () => {
		const table = doseTable(points);
		expect(table.columns).toEqual(['Sessions attended', 'Clients (n)', 'Mean improvement', '95% CI', 'Cohen’s d_z (standardized response mean)', 'Cohen’s d_av']);
		// d_z = 0.35 / 1.54; d_av = 0.35 / ((2 + 2.2) / 2).
		expect(table.rows[0]).toEqual({ header: '2', cells: ['162', '0.4', '0.1 to 0.6', '0.23', '0.17'] });
		expect(table.rows[5].cells[0]).toBe('17 †');
	});
});
