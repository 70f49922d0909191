import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { MEASURES, NO_FILTER, type OutcomeFilter } from '$lib/measures';
import { loadOverview } from '$lib/overview/overview';
import { buildReport } from '$lib/report/reportModel';
import { compareTechniques } from '$lib/techniques/techniqueComparison';
import { openDemoDatabase } from '../../support/demoDataset';

/**
 * One measure, one number: the overview, /techniques and /report give the same value for the same measure, period
 * and filter, on the demo data, because each reads the semantic layer's definition.
 */
describe('the same measure gives the same number on every page', () => {
	let db: Connector;
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	const pain = MEASURES.find((m) => m.key === 'pain')!;
	const K = 5;

	it('within-session pain change and responders for a month: overview = report', async () => {
		for (const month of ['2025-03', '2025-10', '2026-06']) {
			const filter: OutcomeFilter = { ...NO_FILTER, from: month, to: month };
			const overview = await loadOverview(db, filter, 'pre', K);
			const report = await buildReport(db, { period: month, k: K });
			expect(overview.kpis.withinPainChange, month).not.toBeNull();
			expect(overview.kpis.withinPainChange, month).toBeCloseTo(report.totals!.within!.mean, 12);
			expect(overview.kpis.responderShare, month).toBeCloseTo(report.totals!.responders!.rate, 12);
			expect(overview.kpis.coursePainChange, month).toBeCloseTo(report.totals!.course!.mean, 12);
		}
	});

	it('a quarter: overview over its three months = report for the quarter', async () => {
		const overview = await loadOverview(db, { ...NO_FILTER, from: '2025-10', to: '2025-12' }, 'pre', K);
		const report = await buildReport(db, { period: '2025-Q4', k: K });
		expect(overview.kpis.withinPainChange).toBeCloseTo(report.totals!.within!.mean, 12);
		expect(overview.kpis.responderShare).toBeCloseTo(report.totals!.responders!.rate, 12);
	});

	it('a condition and a course technique: overview = /techniques (course change, responders, within-session change)', async () => {
		const condition = 'chronic_low_back_pain';
		const comparison = await compareTechniques(db, {
			measure: pain, end: 'last_pre', filter: { ...NO_FILTER, conditions: [condition] }, reference: null, adjustment: 'holm', k: K
		});
		expect(comparison.techniques.length).toBeGreaterThan(2);
		for (const technique of comparison.techniques) {
			const overview = await loadOverview(db, { ...NO_FILTER, conditions: [condition], techniques: [technique.technique] }, 'pre', K);
			expect(overview.kpis.coursePainChange, technique.technique).toBeCloseTo(technique.change!.mean, 12);
			if (technique.responders) expect(overview.kpis.responderShare, technique.technique).toBeCloseTo(technique.responders.rate, 12);
			// Within-session: the techniques page groups by the session's technique, the overview filters sessions by it.
			const within = comparison.within.find((w) => w.technique === technique.technique)!;
			expect(overview.kpis.withinPainChange, technique.technique).toBeCloseTo(within.change!.mean, 12);
		}
	});

	it('a technique across conditions for a month: report row = overview filtered to it', async () => {
		const report = await buildReport(db, { period: '2025-10', k: K });
		for (const row of report.techniques.rows.filter((r) => r.within)) {
			const overview = await loadOverview(db, { ...NO_FILTER, from: '2025-10', to: '2025-10', techniques: [row.code] }, 'pre', K);
			expect(overview.kpis.withinPainChange, row.code).toBeCloseTo(row.within!.mean, 12);
		}
	});
});
