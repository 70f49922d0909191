import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { loadOverview } from '$lib/overview/overview';
import { filterWhere, MEASURES, queryConditionClients, queryOverviewScan } from '$lib/queries';
import { coursesSql } from '$lib/measures';
import { loadRomResults } from '$lib/rom/romAnalysis';
import { compareTechniques } from '$lib/techniques/techniqueComparison';
import { loadTherapistAnalysis } from '$lib/therapists/therapistAnalysis';
import { openDemoDatabase } from '../support/demoDataset';
import { DEMO_CLINICS, DEMO_CONDITIONS, DEMO_TECHNIQUES, demoFilters } from '../support/demoFilters';

const CONDITIONS = DEMO_CONDITIONS;
const TECHNIQUES = DEMO_TECHNIQUES;
const CLINICS = DEMO_CLINICS;
const filters = demoFilters();
const ks = fc.integer({ min: 5, max: 25 });
const maybe = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: null });

/**
 * Every count a page model carries, wherever it sits: a number under `clients`, `n` or `sessions` is shown to a
 * person, so it must come from k clients or more; a share ({ successes, n }) must have k counted and k not counted.
 * Returns the paths of the violations, so a failure says where.
 */
function smallCounts(value: unknown, k: number, path = '$'): string[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, k, `${path}[${i}]`));
	if (value === null || typeof value !== 'object') return [];
	const record = value as Record<string, unknown>;
	const found: string[] = [];
	for (const key of ['clients', 'n']) {
		const count = record[key];
		if (typeof count === 'number' && count > 0 && count < k) found.push(`${path}.${key} = ${count}`);
	}
	if (typeof record.successes === 'number' && typeof record.n === 'number') {
		if (record.successes < k || record.n - record.successes < k) found.push(`${path}: ${record.successes} of ${record.n}`);
	}
	for (const [key, child] of Object.entries(record)) if (key !== 'options' && key !== 'filter') found.push(...smallCounts(child, k, `${path}.${key}`));
	return found;
}
const RUNS = { numRuns: 40, seed: 20261125 };

/**
 * The privacy rule as a property, over random filters and k: no number shown comes from 1 to k - 1 clients, and
 * where parts of a shown total are hidden, the hidden parts together come from at least k clients, so subtracting
 * the shown parts from the total cannot single out a small group.
 */
describe('small-cell suppression holds under any filter', () => {
	let db: Connector;
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	it('overview: every shown point and condition has k clients, and hidden ones of a shown total together reach k', async () => {
		const picks = fc.record({ technique: maybe(TECHNIQUES), condition: maybe(CONDITIONS) });
		await fc.assert(
			fc.asyncProperty(filters, ks, fc.constantFrom('pre' as const, 'post' as const, 'change' as const), picks, async (filter, k, timepoint, chartPicks) => {
				const overview = await loadOverview(db, filter, timepoint, k, chartPicks);
				// The points as published: at the grain (time step, pooled techniques) the overview chose.
				const raw = (await queryOverviewScan(db, overview.filters.trends, timepoint, overview.grain)).trends;
				for (const [i, trend] of overview.trends.entries()) {
					const clientsOf = new Map(raw[i].rows.map((r) => [`${r.month}|${r.technique}`, r.clients]));
					const months = new Map<string, number[]>();
					const monthsShown = new Set(trend.rows.filter((r) => !r.suppressed).map((r) => r.month));
					for (const row of trend.rows) {
						const clients = clientsOf.get(`${row.month}|${row.technique}`)!;
						if (!row.suppressed) {
							expect(clients).toBeGreaterThanOrEqual(k);
							expect(row.clients).toBe(clients);
						} else {
							expect([row.mean, row.clients, row.sessions]).toEqual([null, null, null]);
							months.set(row.month, [...(months.get(row.month) ?? []), clients]);
						}
					}
					// A month with something shown: what is hidden in it must not be a small group by subtraction.
					for (const [month, hidden] of months) if (monthsShown.has(month)) expect(Math.max(...hidden)).toBeGreaterThanOrEqual(k);
					if (trend.clients !== null) expect(trend.clients).toBeGreaterThanOrEqual(k);
					// The chart's n and the page's client count differ by none or at least k, or the chart's n is withheld.
					if (trend.clients !== null && overview.kpis.clients !== null && !trend.nWithheld) {
						const gap = Math.abs(trend.clients - overview.kpis.clients);
						expect(gap === 0 || gap >= k).toBe(true);
					}
				}
				const conditionClients = new Map((await queryConditionClients(db, overview.filters.conditions)).map((r) => [r.condition, r.clients]));
				const hiddenConditions = overview.conditions.filter((r) => r.suppressed).map((r) => conditionClients.get(r.condition)!);
				for (const row of overview.conditions.filter((r) => !r.suppressed)) {
					expect(row.clients).toBe(conditionClients.get(row.condition));
					expect(row.clients).toBeGreaterThanOrEqual(k);
				}
				if (hiddenConditions.length > 0 && hiddenConditions.length < overview.conditions.length) expect(Math.max(...hiddenConditions)).toBeGreaterThanOrEqual(k);
				const { kpis } = overview;
				for (const value of [kpis.clients, kpis.courseClients, kpis.courseResponders]) if (value !== null) expect(value).toBeGreaterThanOrEqual(k);
				if (kpis.courseClients !== null && kpis.courseResponders !== null) expect(kpis.courseClients - kpis.courseResponders).toBeGreaterThanOrEqual(k);
			}),
			RUNS
		);
	});

	it('techniques: every shown technique, rate and within-session mean comes from k clients or more', async () => {
		const measures = MEASURES.filter((m) => m.key !== 'rom');
		await fc.assert(
			fc.asyncProperty(filters, ks, fc.constantFrom(...measures), fc.constantFrom('last_pre' as const, 'last_post' as const), async (filter, k, measure, end) => {
				const result = await compareTechniques(db, { measure, end, filter, reference: null, adjustment: 'holm', k });
				const courses = coursesSql(measure, end, filter);
				const counts = await db.query<{ technique: string; n: number }>(
					`SELECT primary_technique AS technique, count(*)::INTEGER AS n FROM (${courses.sql}) WHERE change IS NOT NULL GROUP BY 1`,
					courses.params
				);
				const small = counts.filter((c) => c.n < k);
				expect(result.hidden).toBe(small.length);
				for (const t of result.techniques) {
					expect(counts.find((c) => c.technique === t.technique)!.n).toBe(t.clients);
					expect(t.clients).toBeGreaterThanOrEqual(k);
					for (const share of [t.responders, t.shareResponders, t.reliable]) {
						if (!share) continue;
						expect(share.successes).toBeGreaterThanOrEqual(k);
						expect(share.n - share.successes).toBeGreaterThanOrEqual(k);
					}
				}
				for (const hidden of small) expect(JSON.stringify(result.techniques)).not.toContain(`"technique":"${hidden.technique}"`);
				for (const w of result.within) expect(w.clients).toBeGreaterThanOrEqual(k);
				expect(smallCounts(result, k)).toEqual([]);
			}),
			RUNS
		);
	});

	it('range of motion: no count, mean or share shown from fewer than k clients', async () => {
		await fc.assert(
			fc.asyncProperty(maybe(CONDITIONS), maybe(TECHNIQUES), fc.constantFrom('last_pre' as const, 'last_post' as const), ks, async (condition, technique, end, k) => {
				const results = await loadRomResults(db, { condition, technique, end }, k);
				expect(smallCounts(results.movements, k)).toEqual([]);
			}),
			RUNS
		);
	});

	it('therapists: no therapist, count or mean shown from fewer than k clients, and hidden ones together reach k', async () => {
		await fc.assert(
			fc.asyncProperty(maybe(CONDITIONS), maybe(CLINICS), fc.constantFrom('pain' as const, 'stress' as const, 'sleep' as const), ks, async (condition, clinic, measure, k) => {
				const analysis = await loadTherapistAnalysis(db, { measure, condition, clinic }, k);
				expect(smallCounts(analysis.therapists, k)).toEqual([]);
				if (analysis.clients !== null) {
					expect(analysis.clients).toBeGreaterThanOrEqual(k);
					const hiddenClients = analysis.clients - analysis.therapists.reduce((sum, t) => sum + t.n, 0);
					expect(hiddenClients === 0 || hiddenClients >= k).toBe(true);
				}
			}),
			RUNS
		);
	});
});
