import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { openRemoteConnector } from '$lib/db/remoteConnector';
import { loadConditions } from '$lib/conditions/conditionsAnalysis';
import { MEASURES, NO_FILTER, type OutcomeFilter } from '$lib/measures';
import type { ChartPicks } from '$lib/overview/crossFilter';
import { loadOverview } from '$lib/overview/overview';
import { queryFilterOptions } from '$lib/queries';
import { buildReport } from '$lib/report/reportModel';
import { loadRomResults } from '$lib/rom/romAnalysis';
import { compareTechniques } from '$lib/techniques/techniqueComparison';
import { loadTherapistAnalysis } from '$lib/therapists';
import { startQueryServer, type RunningServer } from '../../../src/server/startServer';
import { openDemoDatabase } from '../../support/demoDataset';
import { expectSameFigures } from '../../support/sameFigures';

/**
 * The query server gives every page the figures the tab gives, suppression included: each page's model computed on
 * the demo data in duckdb-wasm (the page's engine) and through the server (native DuckDB, over HTTP, as Arrow).
 */
describe('the query server and the tab give the same figures', () => {
	let tab: Connector;
	let served: Connector;
	let server: RunningServer;
	beforeAll(async () => {
		[tab, server] = await Promise.all([openDemoDatabase(), startQueryServer({ data: 'data', port: 0, appDir: null })]);
		served = openRemoteConnector({ url: server.url, token: server.token });
	}, 60_000);
	afterAll(async () => {
		await tab?.close();
		await server?.close();
	});

	const pain = MEASURES.find((m) => m.key === 'pain')!;
	const K = 11;

	it('the dataset: counts and filter options', async () => {
		expect(server.dataset).toMatchObject({ kind: 'tables', sessions: 15366, measurements: 110612, clients: 1900 });
		expectSameFigures(await queryFilterOptions(served), await queryFilterOptions(tab));
	});

	it('overview: all sessions, a technique and condition picked, a therapist, a month range, each timepoint', async () => {
		const none: ChartPicks = { technique: null, condition: null };
		const views: { filter: OutcomeFilter; picks: ChartPicks }[] = [
			{ filter: NO_FILTER, picks: none },
			{ filter: NO_FILTER, picks: { technique: 'swedish', condition: 'chronic_low_back_pain' } },
			{ filter: { ...NO_FILTER, therapists: ['T01'] }, picks: none },
			{ filter: { ...NO_FILTER, from: '2025-03', to: '2025-08', techniques: ['deep_tissue', 'trigger_point'] }, picks: none },
			{ filter: { ...NO_FILTER, clinics: ['north'] }, picks: none }
		];
		for (const timepoint of ['pre', 'post', 'change'] as const) {
			for (const view of views) {
				expectSameFigures(await loadOverview(served, view.filter, timepoint, K, view.picks), await loadOverview(tab, view.filter, timepoint, K, view.picks), timepoint);
			}
		}
	});

	it('techniques, conditions, range of motion, therapists and the report', async () => {
		const options = { measure: pain, end: 'last_pre' as const, filter: NO_FILTER, reference: null, adjustment: 'holm' as const, k: K };
		expectSameFigures(await compareTechniques(served, options), await compareTechniques(tab, options), 'techniques');
		for (const condition of [null, 'chronic_low_back_pain']) {
			expectSameFigures(await loadConditions(served, condition, pain, K), await loadConditions(tab, condition, pain, K), `conditions ${condition}`);
		}
		const rom = { condition: null, technique: null, end: 'last_pre' as const };
		expectSameFigures(await loadRomResults(served, rom, K), await loadRomResults(tab, rom, K), 'rom');
		const therapists = { measure: 'pain' as const, condition: null, clinic: null };
		expectSameFigures(await loadTherapistAnalysis(served, therapists, K), await loadTherapistAnalysis(tab, therapists, K), 'therapists');
		for (const period of ['2025-10', '2025-Q4']) {
			expectSameFigures(await buildReport(served, { period, k: K }), await buildReport(tab, { period, k: K }), `report ${period}`);
		}
	}, 60_000);
});
