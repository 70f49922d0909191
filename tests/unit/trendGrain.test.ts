import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { partitionSuppressed, suppressSmallCells } from '$lib/disclosure';
import { loadOverview } from '$lib/overview/overview';
import { shownLineShare, techniquesToPool } from '$lib/overview/trendGrain';
import { ALL_TECHNIQUES, NO_FILTER, OTHER_TECHNIQUES, MEASURES, filterWhere, type OutcomeFilter, type TrendRow } from '$lib/queries';
import { openDemoDatabase } from '../support/demoDataset';

/** One therapist's year: about 150 clients, a solo practice. */
const SOLO: OutcomeFilter = { ...NO_FILTER, therapists: ['T08'], from: '2025-01', to: '2025-12' };

describe('the trends of a small practice', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	});
	afterAll(async () => {
		await db.close();
	});

	it('widen to quarters and pool the mostly hidden techniques, so that most points are shown', async () => {
		const [clients] = await db.query<{ n: number }>(
			`SELECT CAST(count(DISTINCT client_id) AS INTEGER) AS n FROM session_facts ${filterWhere(SOLO).sql}`,
			filterWhere(SOLO).params
		);
		expect(clients.n).toBeGreaterThan(120);
		expect(clients.n).toBeLessThan(200);
		const overview = await loadOverview(db, SOLO, 'pre', 11);
		expect(overview.grain.step).toBe('quarter');
		expect(overview.grain.pooled.length).toBeGreaterThanOrEqual(2);
		const pain = overview.trends[0];
		expect(new Set(pain.rows.map((r) => r.month))).toEqual(new Set(['2025-01', '2025-04', '2025-07', '2025-10']));
		// Month by month nearly every point was hidden; now most are shown, the heavy line whole.
		const { shown } = partitionSuppressed(pain.rows);
		expect(shown.length / pain.rows.length).toBeGreaterThan(0.75);
		expect(shownLineShare(pain)).toBe(1);
		expect(pain.rows.some((r) => r.technique === OTHER_TECHNIQUES && !r.suppressed)).toBe(true);
		for (const code of overview.grain.pooled) expect(pain.rows.some((r) => r.technique === code)).toBe(false);
	});

	it('counts each quarter’s and the pooled line’s clients from the clients, not by adding months', async () => {
		const overview = await loadOverview(db, SOLO, 'pre', 11);
		const where = filterWhere(SOLO);
		const pooled = overview.grain.pooled;
		const expected = await db.query<{ month: string; technique: string; clients: number; mean: number }>(
			`SELECT strftime(date_trunc('quarter', month), '%Y-%m') AS month, technique, CAST(count(*) AS INTEGER) AS clients, avg(client_mean) AS mean
			FROM (
				SELECT date_trunc('quarter', month) AS month, client_id,
					CASE WHEN CAST(primary_technique AS VARCHAR) IN (${pooled.map(() => '?').join(', ')}) THEN ? ELSE CAST(primary_technique AS VARCHAR) END AS technique,
					avg(pain_pre) AS client_mean
				FROM session_facts ${where.sql} GROUP BY ALL HAVING count(pain_pre) > 0
				UNION ALL
				SELECT date_trunc('quarter', month), client_id, ?, avg(pain_pre)
				FROM session_facts ${where.sql} GROUP BY ALL HAVING count(pain_pre) > 0
			) GROUP BY ALL`,
			[...pooled, OTHER_TECHNIQUES, ...where.params, ALL_TECHNIQUES, ...where.params]
		);
		const pain = overview.trends[0];
		expect(pain.measure).toBe(MEASURES[0]);
		expect(pain.rows).toHaveLength(expected.length);
		for (const row of pain.rows.filter((r) => !r.suppressed)) {
			const e = expected.find((x) => x.month === row.month && x.technique === row.technique)!;
			expect(row.clients).toBe(e.clients);
			expect(row.mean).toBeCloseTo(e.mean, 9);
		}
	});

	it('keeps the demo practice month by month, and never pools a picked technique', async () => {
		const whole = await loadOverview(db, NO_FILTER, 'pre', 11);
		expect(whole.grain.step).toBe('month');
		const picked = await loadOverview(db, SOLO, 'pre', 11, { technique: whole.grain.pooled[0] ?? 'sports', condition: null });
		expect(picked.grain.pooled).not.toContain(picked.picks.technique);
	});
});

describe('choosing a grain', () => {
	const rows = (shown: [string, string, number][]): TrendRow[] => shown.map(([month, technique, clients]) => ({ month, technique, clients, mean: 3, sessions: clients }));

	it('measures the heavy line and finds the techniques mostly hidden', () => {
		const trend = {
			measure: MEASURES[0],
			clients: 100,
			sessions: 300,
			nWithheld: false,
			rows: suppressSmallCells(
				rows([
					['2025-01', ALL_TECHNIQUES, 40],
					['2025-02', ALL_TECHNIQUES, 8],
					['2025-01', 'swedish', 25],
					['2025-01', 'sports', 4],
					['2025-01', 'prenatal', 5],
					['2025-01', 'hydrotherapy', 12]
				]),
				{ clients: (r) => r.clients, group: (r) => r.month }
			)
		};
		expect(shownLineShare(trend)).toBe(0.5);
		// Sports and prenatal are small; hydrotherapy is hidden with them, else their total would follow from the month's.
		expect(techniquesToPool(trend, null)).toEqual(['hydrotherapy', 'prenatal', 'sports']);
		// A picked technique is not pooled; one small technique alone is not either (a pool of one would be that technique).
		expect(techniquesToPool(trend, 'sports')).toEqual(['hydrotherapy', 'prenatal']);
		expect(techniquesToPool({ ...trend, rows: trend.rows.filter((r) => r.technique !== 'prenatal' && r.technique !== 'hydrotherapy') }, null)).toEqual([]);
	});
});
