import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConditions } from '$lib/conditions/conditionsAnalysis';
import type { Connector } from '$lib/db';
import { suppressSmallCells } from '$lib/disclosure';
import { attack } from '$lib/disclosure/audit';
import { loadOverview } from '$lib/overview/overview';
import { ALL_TECHNIQUES, MEASURES, queryConditionClients, queryCourseKpis, queryOverviewScan, type OutcomeFilter } from '$lib/queries';
import { queryDoseResponse } from '$lib/queries/doseResponse';
import { querySessionCurves } from '$lib/queries/sessionCurves';
import { openDemoDatabase } from '../../support/demoDataset';
import { DEMO_CONDITIONS, demoFilters } from '../../support/demoFilters';
import { openSubsampledDemo } from '../../support/subsampledDemo';
import { queryTherapistOutcomes } from '$lib/queries/therapistOutcomes';
import { loadTherapistAnalysis } from '$lib/therapists/therapistAnalysis';
import { conditionsPublication, overviewPublication, therapistsPublication } from './pagePublications';

const CONDITIONS = DEMO_CONDITIONS;
const filters = demoFilters({ therapists: false });

async function auditOverview(db: Connector, filter: OutcomeFilter, k: number) {
	const overview = await loadOverview(db, filter, 'pre', k);
	const kpis = { ...(await queryOverviewScan(db, overview.filters.kpis, 'pre')).kpis, ...(await queryCourseKpis(db, overview.filters.kpis)) };
	// The trends at the grain they were published at (a small practice's by quarter, small techniques pooled).
	const trends = (await queryOverviewScan(db, overview.filters.trends, 'pre', overview.grain)).trends;
	// The relation the attack uses holds: a chart's points add up to its sessions.
	for (const trend of trends) {
		const alls = trend.rows.filter((r) => r.technique === ALL_TECHNIQUES);
		if (alls.length > 0) expect(alls.reduce((sum, r) => sum + r.sessions, 0)).toBe(trend.sessions);
	}
	const conditions = await queryConditionClients(db, overview.filters.conditions);
	return attack(overviewPublication(overview, { kpis, conditions, trends }));
}

async function auditConditions(db: Connector, condition: string | null, measure: (typeof MEASURES)[number], k: number) {
	const model = await loadConditions(db, condition, measure, k);
	const curves = await querySessionCurves(db, condition, measure);
	const dose = await queryDoseResponse(db, condition, measure);
	return attack(conditionsPublication(model, { curves, dose }));
}

describe('the pages, attacked: linked tables and charts of one page read together', () => {
	let demo: Connector;
	let practices: Connector[];
	beforeAll(async () => {
		demo = await openDemoDatabase();
		practices = await Promise.all([openSubsampledDemo(150, 11), openSubsampledDemo(500, 12)]);
	}, 60_000);
	afterAll(async () => {
		await demo.close();
		for (const db of practices) await db.close();
	});

	it('the overview gives nothing back under random filters and k, on the demo data and on smaller practices', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 2 }), filters, fc.integer({ min: 5, max: 25 }), async (which, filter, k) => {
				expect(await auditOverview([demo, ...practices][which], filter, k)).toEqual([]);
			}),
			{ numRuns: 30, seed: 20261207 }
		);
	}, 180_000);

	it('the conditions page gives nothing back for every condition and outcome of the demo data at k = 11', async () => {
		for (const measure of MEASURES.filter((m) => m.key !== 'rom')) {
			for (const condition of [null, ...CONDITIONS]) expect(await auditConditions(demo, condition, measure, 11), `${condition} ${measure.key}`).toEqual([]);
		}
	}, 180_000);

	it('the conditions page gives nothing back on smaller practices at random k', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 1 }), fc.option(fc.constantFrom(...CONDITIONS), { nil: null }), fc.constantFrom(...MEASURES.filter((m) => m.key !== 'rom')), fc.integer({ min: 5, max: 25 }), async (which, condition, measure, k) => {
				const findings = await auditConditions(practices[which], condition, measure, k);
				expect(findings, JSON.stringify(findings)).toEqual([]);
			}),
			{ numRuns: 25, seed: 20261207 }
		);
	}, 180_000);

	it('the therapists page gives nothing back for random conditions, clinics, outcomes and k', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 2 }),
				fc.option(fc.constantFrom(...CONDITIONS), { nil: null }),
				fc.option(fc.constantFrom('north', 'central', 'west'), { nil: null }),
				fc.constantFrom('pain' as const, 'stress' as const, 'sleep' as const),
				fc.integer({ min: 5, max: 25 }),
				async (which, condition, clinic, measure, k) => {
					const db = [demo, ...practices][which];
					const filter = { measure, condition, clinic };
					const findings = attack(therapistsPublication(await loadTherapistAnalysis(db, filter, k), await queryTherapistOutcomes(db, filter)));
					expect(findings, JSON.stringify(findings)).toEqual([]);
				}
			),
			{ numRuns: 30, seed: 20261207 }
		);
	}, 180_000);

	it('would catch conditions hidden by their own size only (no complementary suppression)', async () => {
		let found = 0;
		for (const clinic of ['north', 'central', 'west']) {
			for (const k of [11, 15, 20, 25]) {
				const filter: OutcomeFilter = { from: null, to: null, conditions: [], techniques: [], therapists: [], clinics: [clinic] };
				const overview = await loadOverview(demo, filter, 'pre', k);
				const kpis = { ...(await queryOverviewScan(demo, overview.filters.kpis, 'pre')).kpis, ...(await queryCourseKpis(demo, overview.filters.kpis)) };
				const trends = (await queryOverviewScan(demo, overview.filters.trends, 'pre', overview.grain)).trends;
				const conditions = await queryConditionClients(demo, overview.filters.conditions);
				const primaryOnly = { ...overview, conditions: suppressSmallCells(conditions, { k, clients: (r) => r.clients }) };
				expect(attack(overviewPublication(overview, { kpis, conditions, trends }))).toEqual([]);
				found += attack(overviewPublication(primaryOnly, { kpis, conditions, trends })).length;
			}
		}
		expect(found).toBeGreaterThan(0);
	}, 60_000);
});
