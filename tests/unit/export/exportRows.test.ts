import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { EXPORT_COLUMNS, exportPrivacy, exportRows, quasiIdentifierKey, type ExportData } from '$lib/export';
import { NO_FILTER } from '$lib/queries';
import { gzippedDatasetFiles } from '../../support/csvDataset';
import { openDemoDatabase } from '../../support/demoDataset';
import { smallDatasetFiles } from '../../support/smallDataset';
import { openDatasetDatabase } from '../../support/testDatabase';
import { EXPORT_DATASET } from './exportDataset';

const column = (name: string) => EXPORT_COLUMNS.findIndex((c) => c.name === name);
const WITH_CLINIC = { includeClinic: true };
const cell = (data: ExportData, row: unknown[], name: string) => row[data.columns.findIndex((c) => c.name === name)];

describe('exportRows on a hand-made dataset', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDatasetDatabase(gzippedDatasetFiles(EXPORT_DATASET));
	});
	afterAll(() => db.close());

	it('keeps the five clients who share a combination and leaves out the two who are alone', async () => {
		const data = await exportRows(db, NO_FILTER, 5, WITH_CLINIC);
		expect(data.privacy).toEqual({ clients: 5, rows: 14, leftOutClients: 2, leftOutRows: 4, combinations: 1 });
		expect(data.rows).toHaveLength(14);
		expect(new Set(data.rows.map((r) => r[column('client_id')]))).toEqual(new Set(['C01', 'C02', 'C03', 'C04', 'C05']));
	});

	it('writes tidy rows: one per score, month not date, clinic not therapist', async () => {
		const data = await exportRows(db, NO_FILTER, 5, WITH_CLINIC);
		expect(EXPORT_COLUMNS.map((c) => c.name)).not.toContain('therapist_id');
		expect(data.rows.slice(0, 4)).toEqual([
			['S1', 'C01', 1, '2025-01', 'swedish', 'neck_pain', '40-49', 'female', 'north', 'pain_nrs', 'pre', 6, null, null],
			['S1', 'C01', 1, '2025-01', 'swedish', 'neck_pain', '40-49', 'female', 'north', 'pain_nrs', 'post', 4, null, null],
			['S1', 'C01', 1, '2025-01', 'swedish', 'neck_pain', '40-49', 'female', 'north', 'stress_nrs', 'pre', 5, null, null],
			['S1', 'C01', 1, '2025-01', 'swedish', 'neck_pain', '40-49', 'female', 'north', 'stress_nrs', 'post', 3, null, null]
		]);
		expect(data.rows[4].slice(0, 4)).toEqual(['S8', 'C01', 2, '2025-02']);
	});

	it('leaves the clinic out unless asked, and then groups clients without it', async () => {
		const data = await exportRows(db, NO_FILTER, 5);
		expect(data.columns.map((c) => c.name)).toEqual(EXPORT_COLUMNS.map((c) => c.name).filter((name) => name !== 'clinic_id'));
		expect(data.rows[0]).toEqual(['S1', 'C01', 1, '2025-01', 'swedish', 'neck_pain', '40-49', 'female', 'pain_nrs', 'pre', 6, null, null]);
		// The two left out differ by age band and sex, not by clinic: they stay out.
		expect(data.privacy).toEqual({ clients: 5, rows: 14, leftOutClients: 2, leftOutRows: 4, combinations: 1 });
	});

	it('applies the overview filter before counting groups', async () => {
		// Swedish: S1, S2, S4, S5, S6, S8. C03 (trigger point only) drops out, so C01, C02, C04, C05 are 4 < 5.
		const swedish = await exportPrivacy(db, { ...NO_FILTER, techniques: ['swedish'] }, 5, WITH_CLINIC);
		expect({ ...swedish, kept: [...swedish.kept] }).toEqual({ kept: [], clients: 0, rows: 0, leftOutClients: 5, leftOutRows: 14, combinations: 0 });
		const north = await exportRows(db, { ...NO_FILTER, clinics: ['north'] }, 5, WITH_CLINIC);
		expect(north.privacy).toEqual({ clients: 5, rows: 14, leftOutClients: 1, leftOutRows: 2, combinations: 1 });
		const february = await exportRows(db, { ...NO_FILTER, from: '2025-02' }, 5, WITH_CLINIC);
		expect(february.privacy).toMatchObject({ clients: 0, rows: 0, leftOutClients: 1, leftOutRows: 2 });
	});

	it('refuses a k below the minimum', async () => {
		await expect(exportRows(db, NO_FILTER, 2)).rejects.toThrow('invalid k: 2');
	});
});

describe('exportRows on the small dataset', () => {
	it('leaves out all four clients at k = 5 and says so', async () => {
		const db = await openDatasetDatabase(smallDatasetFiles());
		const data = await exportRows(db, NO_FILTER, 5);
		expect(data.rows).toEqual([]);
		expect(data.privacy).toEqual({ clients: 0, rows: 0, leftOutClients: 4, leftOutRows: 18, combinations: 0 });
		await db.close();
	});
});

describe('exportRows on the demo data', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	}, 60_000);
	afterAll(() => db.close());

	it('every exported combination has at least k clients, and kept plus left out adds up', async () => {
		for (const [k, options] of [[11, WITH_CLINIC], [20, WITH_CLINIC], [11, { includeClinic: false }]] as const) {
			const data = await exportRows(db, NO_FILTER, k, options);
			const clients = new Map<string, Set<unknown>>();
			for (const row of data.rows) {
				const key = quasiIdentifierKey({
					age_band: cell(data, row, 'age_band') as string,
					sex: cell(data, row, 'sex') as string,
					primary_condition: cell(data, row, 'condition') as string,
					clinic_id: options.includeClinic ? (cell(data, row, 'clinic_id') as string) : null
				});
				clients.set(key, (clients.get(key) ?? new Set()).add(cell(data, row, 'client_id')));
			}
			expect(Math.min(...[...clients.values()].map((s) => s.size))).toBeGreaterThanOrEqual(k);
			expect(clients.size).toBe(data.privacy.combinations);
			expect(data.rows).toHaveLength(data.privacy.rows);
			expect(new Set(data.rows.map((r) => cell(data, r, 'client_id'))).size).toBe(data.privacy.clients);
			const [all] = await db.query<{ rows: number; clients: number }>(
				`SELECT count(*)::INTEGER AS rows, count(DISTINCT s.client_id)::INTEGER AS clients FROM measurements m JOIN sessions s USING (session_id)`
			);
			expect(data.privacy.rows + data.privacy.leftOutRows).toBe(all.rows);
			expect(data.privacy.clients + data.privacy.leftOutClients).toBe(all.clients);
			expect(all.rows).toBe(110612);
		}
	}, 60_000);

	it('a filter exports exactly the matching scores of the kept clients', async () => {
		const filter = { ...NO_FILTER, techniques: ['swedish'], from: '2025-01', to: '2026-12' };
		const data = await exportRows(db, filter, 11);
		const [expected] = await db.query<{ rows: number }>(
			`SELECT count(*)::INTEGER AS rows FROM measurements m JOIN session_facts f USING (session_id)
			WHERE f.primary_technique = 'swedish' AND f.month BETWEEN DATE '2025-01-01' AND DATE '2026-12-01'`
		);
		expect(data.privacy.rows + data.privacy.leftOutRows).toBe(expected.rows);
		expect(data.rows).toHaveLength(data.privacy.rows);
		expect(data.privacy.rows).toBeGreaterThan(0);
		expect(data.rows.every((r) => cell(data, r, 'technique') === 'swedish' && (cell(data, r, 'month') as string) >= '2025-01')).toBe(true);
	}, 60_000);

	it('exports the known numbers of the demo data at k = 11', async () => {
		expect((await exportRows(db, NO_FILTER, 11, WITH_CLINIC)).privacy).toEqual({ clients: 418, rows: 29136, leftOutClients: 1482, leftOutRows: 81476, combinations: 30 });
		// Without the clinic, over two thirds of the clients can be exported (1,298 of 1,900).
		expect((await exportRows(db, NO_FILTER, 11)).privacy).toEqual({ clients: 1298, rows: 79526, leftOutClients: 602, leftOutRows: 31086, combinations: 62 });
		const swedish = await exportRows(db, { ...NO_FILTER, techniques: ['swedish'] }, 11, WITH_CLINIC);
		expect(swedish.privacy).toEqual({ clients: 36, rows: 1219, leftOutClients: 765, leftOutRows: 25961, combinations: 3 });
		expect(swedish.rows).toHaveLength(1219);
	}, 60_000);
});
