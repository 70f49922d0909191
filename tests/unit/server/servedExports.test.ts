import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { buildClientCourses } from '$lib/db/clientCourses';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { openRemoteConnector } from '$lib/db/remoteConnector';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { DATASET_SETTINGS, LOCK_SETTINGS } from '$lib/db/settings';
import { exportParquet, exportRows } from '$lib/export';
import { MEASURES, NO_FILTER } from '$lib/measures';
import { loadOverview } from '$lib/overview/overview';
import { compareTechniques } from '$lib/techniques/techniqueComparison';
import { clinicFromFileName, importFiles } from '../../../src/server/importFiles';
import { startQueryServer, type RunningServer } from '../../../src/server/startServer';
import { openDemoDatabase } from '../../support/demoDataset';
import { expectSameFigures } from '../../support/sameFigures';

/**
 * A research network's pooled exports: the demo data exported per clinic by the overview's researcher export
 * (Parquet, without the clinic column), one file per clinic, served as one dataset. Each row keeps its clinic (the
 * file's), every row is imported, and the figures are those of the same files imported in the tab's engine.
 */
describe('a folder of clinic exports, served as one dataset', () => {
	const CLINICS = ['central', 'north', 'west'];
	let folder: string;
	let server: RunningServer;
	let served: Connector;
	let tab: Connector;
	const exported = new Map<string, { sessions: number; scores: number }>();

	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'exports-'));
		const demo = await openDemoDatabase();
		for (const clinic of CLINICS) {
			const data = await exportRows(demo, { ...NO_FILTER, clinics: [clinic] }, 11);
			writeFileSync(join(folder, `${clinic}.parquet`), exportParquet(data));
			exported.set(clinic, { sessions: new Set(data.rows.map((r) => r[0])).size, scores: data.rows.length });
		}
		await demo.close();
		server = await startQueryServer({ data: folder, port: 0, appDir: null });
		served = openRemoteConnector({ url: server.url, token: server.token });
		// The same files imported one after another in duckdb-wasm, as the page adds each to one dataset.
		tab = await openNodeConnector();
		await importFiles(tab, CLINICS.map((c) => join(folder, `${c}.parquet`)), () => {});
		await tab.exec(DATASET_SETTINGS);
		await loadReferenceTables(tab);
		await buildSessionFacts(tab);
		await buildClientCourses(tab);
		await tab.exec(LOCK_SETTINGS);
	}, 180_000);
	afterAll(async () => {
		await server?.close();
		await tab?.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('reads every row of every file, each session in its file’s clinic', async () => {
		expect(server.dataset.kind).toBe('exports');
		expect(server.dataset.files).toEqual(CLINICS.map((c) => `${c}.parquet`));
		expect(server.dataset.notes).toEqual([]);
		const total = [...exported.values()].reduce((sum, e) => sum + e.scores, 0);
		expect(server.dataset.measurements).toBe(total);
		const rows = await served.query<{ clinic_id: string; n: number }>('SELECT clinic_id, count(*)::INTEGER AS n FROM sessions GROUP BY 1 ORDER BY 1');
		expect(rows).toEqual(CLINICS.map((c) => ({ clinic_id: c, n: exported.get(c)!.sessions })));
	});

	it('gives the figures the same files give in the tab', async () => {
		const pain = MEASURES.find((m) => m.key === 'pain')!;
		for (const filter of [NO_FILTER, { ...NO_FILTER, clinics: ['west'] }]) {
			expectSameFigures(await loadOverview(served, filter, 'pre', 11), await loadOverview(tab, filter, 'pre', 11));
		}
		const options = { measure: pain, end: 'last_pre' as const, filter: NO_FILTER, reference: null, adjustment: 'holm' as const, k: 11 };
		expectSameFigures(await compareTechniques(served, options), await compareTechniques(tab, options));
	});

	it('names a file’s clinic after the file', () => {
		expect(clinicFromFileName('north-york.parquet')).toBe('north-york');
		expect(clinicFromFileName('Clinic A (2026).csv.gz')).toBe('Clinic-A-2026');
		expect(clinicFromFileName('data.csv')).toBe('data');
	});
});
