import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { EXPORT_COLUMNS, exportPrivacy, exportRows, type ExportData } from '$lib/export';
import { NO_FILTER } from '$lib/queries';
import { gzippedDatasetFiles } from '../../support/csvDataset';
import { openDemoDatabase } from '../../support/demoDataset';
import { smallDatasetFiles } from '../../support/smallDataset';
import { openDatasetDatabase } from '../../support/testDatabase';
import { EXPORT_DATASET } from './exportDataset';
import { cell, combinationSizes, daysByClient } from './exportChecks';

const WITH_CLINIC = { includeClinic: true };
const WITHOUT_CLINIC = { includeClinic: false };

describe('exportRows on a hand-made dataset', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDatasetDatabase(gzippedDatasetFiles(EXPORT_DATASET));
	});
	afterAll(() => db.close());

	it('with the clinic, C07 (alone at west) cannot reach k: the recoding that keeps the most brings C06 in by age and sex', async () => {
		const data = await exportRows(db, NO_FILTER, 5, WITH_CLINIC);
		expect(data.privacy).toMatchObject({
			clients: 6,
			rows: 16,
			leftOutClients: 1,
			leftOutRows: 2,
			combinations: 1,
			recoding: { age_band: 2, sex: 1, condition: 0, first_visit: 0 },
			withinLimit: false
		});
		// Six clients lose age (weight 2) and sex (2) of 8; C07, left out, loses all: (6 × 4/8 + 1) / 7.
		expect(data.privacy.informationLoss).toBeCloseTo(4 / 7, 10);
		expect(new Set(data.rows.map((r) => cell(data, r, 'client_id')))).toEqual(new Set(['C01', 'C02', 'C03', 'C04', 'C05', 'C06']));
	});

	it('coarsens the condition only when clients of two conditions must share a combination', async () => {
		// At k = 6, seven clients must be one combination: C07's low back pain joins neck pain in its group.
		const data = await exportRows(db, NO_FILTER, 6);
		expect(data.privacy).toMatchObject({ clients: 7, leftOutClients: 0, recoding: { age_band: 2, sex: 1, condition: 1, first_visit: 0 } });
		// North holds C01-C06, all with neck pain: the condition stays as stored.
		const asStored = await exportRows(db, { ...NO_FILTER, clinics: ['north'] }, 6);
		expect(asStored.privacy).toMatchObject({ clients: 6, leftOutClients: 0, recoding: { age_band: 2, sex: 1, condition: 0, first_visit: 0 } });
	});

	it('writes tidy rows: one per score, days since the first visit and its quarter, clinic not therapist', async () => {
		const data = await exportRows(db, NO_FILTER, 5, WITH_CLINIC);
		expect(data.columns.map((c) => c.name)).toEqual(EXPORT_COLUMNS.map((c) => c.name));
		expect(data.columns.map((c) => c.name)).not.toContain('therapist_id');
		expect(data.rows.slice(0, 4)).toEqual([
			['S1', 'C01', 1, 0, 'swedish', '2025-Q1', 'neck_pain', 'all', 'all', 'north', 'pain_nrs', 'pre', 6, null, null],
			['S1', 'C01', 1, 0, 'swedish', '2025-Q1', 'neck_pain', 'all', 'all', 'north', 'pain_nrs', 'post', 4, null, null],
			['S1', 'C01', 1, 0, 'swedish', '2025-Q1', 'neck_pain', 'all', 'all', 'north', 'stress_nrs', 'pre', 5, null, null],
			['S1', 'C01', 1, 0, 'swedish', '2025-Q1', 'neck_pain', 'all', 'all', 'north', 'stress_nrs', 'post', 3, null, null]
		]);
		// S8 is on 2025-02-03, 24 days after C01's first session on 2025-01-10.
		expect(data.rows[4].slice(0, 6)).toEqual(['S8', 'C01', 2, 24, 'swedish', '2025-Q1']);
	});

	it('without the clinic, coarsens age and sex to all and the condition to its group, and keeps all seven', async () => {
		const data = await exportRows(db, NO_FILTER, 5);
		expect(data.columns.map((c) => c.name)).toEqual(EXPORT_COLUMNS.map((c) => c.name).filter((name) => name !== 'clinic_id'));
		// Seven clients at k = 5 must be one combination: 30-39, 40-49 and 50-59 share no 20-year band, C06 is male,
		// and neck pain and low back pain share the musculoskeletal group (the group loses less than `all`).
		expect(data.privacy).toMatchObject({ clients: 7, rows: 18, leftOutClients: 0, leftOutRows: 0, combinations: 1, withinLimit: true });
		expect(data.privacy.recoding).toEqual({ age_band: 2, sex: 1, condition: 1, first_visit: 0 });
		// Loss: age 2 × 1, sex 2 × 1, condition 3 × (6 − 1) / (16 − 1), first visit 0; over the weights' sum, 8.
		expect(data.privacy.informationLoss).toBeCloseTo((2 + 2 + 3 * (5 / 15)) / 8, 10);
		expect(data.rows[0]).toEqual(['S1', 'C01', 1, 0, 'swedish', '2025-Q1', 'musculoskeletal_pain', 'all', 'all', 'pain_nrs', 'pre', 6, null, null]);
		expect(data.rows.at(-1)).toEqual(['S7', 'C07', 1, 0, 'deep_tissue', '2025-Q1', 'musculoskeletal_pain', 'all', 'all', 'pain_nrs', 'post', 2, null, null]);
	});

	it('applies the overview filter before choosing the recoding', async () => {
		// Swedish: S1, S2, S4, S5, S6, S8 of C01, C02, C04, C05 (40-49) and C06 (30-39, male), all at north: one
		// combination once age and sex are `all`.
		const swedish = await exportPrivacy(db, { ...NO_FILTER, techniques: ['swedish'] }, 5, WITH_CLINIC);
		expect({ ...swedish, kept: [...swedish.kept].sort(), hierarchies: undefined }).toMatchObject({
			kept: ['C01', 'C02', 'C04', 'C05', 'C06'],
			clients: 5,
			rows: 14,
			leftOutClients: 0,
			recoding: { age_band: 2, sex: 1, condition: 0, first_visit: 0 }
		});
		const north = await exportRows(db, { ...NO_FILTER, clinics: ['north'] }, 5, WITH_CLINIC);
		expect(north.privacy).toMatchObject({ clients: 6, rows: 16, leftOutClients: 0, leftOutRows: 0, combinations: 1 });
		const february = await exportRows(db, { ...NO_FILTER, from: '2025-02' }, 5, WITH_CLINIC);
		expect(february.privacy).toMatchObject({ clients: 0, rows: 0, leftOutClients: 1, leftOutRows: 2 });
	});

	it('counts the days from the first session in the export: February alone starts C01 at day 0', async () => {
		const data = await exportRows(db, { ...NO_FILTER, from: '2025-02' }, 5, WITH_CLINIC);
		expect(data.rows).toEqual([]);
		const all = await exportRows(db, NO_FILTER, 5);
		expect(daysByClient(all).get('C01')).toEqual([0, 0, 0, 0, 24, 24]);
	});

	it('ignores the therapist filter', async () => {
		const picked = await exportRows(db, { ...NO_FILTER, therapists: ['T02'] }, 5, WITH_CLINIC);
		const none = await exportRows(db, NO_FILTER, 5, WITH_CLINIC);
		expect(picked.rows).toEqual(none.rows);
		expect(picked.privacy).toEqual(none.privacy);
		expect(picked.filter.therapists).toEqual([]);
	});

	it('refuses a k below the minimum', async () => {
		await expect(exportRows(db, NO_FILTER, 2)).rejects.toThrow('invalid k: 2');
		await expect(exportPrivacy(db, NO_FILTER, 4)).rejects.toThrow('invalid k: 4');
	});
});

describe('exportRows on the small dataset', () => {
	it('leaves out all four clients at k = 5 and says so', async () => {
		const db = await openDatasetDatabase(smallDatasetFiles());
		const data = await exportRows(db, NO_FILTER, 5);
		expect(data.rows).toEqual([]);
		expect(data.privacy).toMatchObject({ clients: 0, rows: 0, leftOutClients: 4, leftOutRows: 18, combinations: 0, informationLoss: 1 });
		await db.close();
	});
});

describe('exportRows on the demo data', () => {
	let db: Connector;
	const exports = new Map<boolean, ExportData>();
	beforeAll(async () => {
		db = await openDemoDatabase();
		for (const includeClinic of [false, true]) exports.set(includeClinic, await exportRows(db, NO_FILTER, 11, { includeClinic }));
	}, 60_000);
	afterAll(() => db.close());

	it('keeps at least 90% of the 1,900 clients at k = 11, with and without the clinic', () => {
		// Without the clinic: age in 20-year bands, sex as recorded, condition group, first visit `all`.
		expect(exports.get(false)!.privacy).toEqual({
			clients: 1837,
			rows: 107077,
			leftOutClients: 63,
			leftOutRows: 3535,
			combinations: 28,
			recoding: { age_band: 1, sex: 0, condition: 1, first_visit: 2 },
			informationLoss: expect.closeTo(0.2853, 4),
			nodes: 54,
			withinLimit: true
		});
		// With the clinic kept exact, age goes to `all` instead.
		expect(exports.get(true)!.privacy).toEqual({
			clients: 1859,
			rows: 108360,
			leftOutClients: 41,
			leftOutRows: 2252,
			combinations: 32,
			recoding: { age_band: 2, sex: 0, condition: 1, first_visit: 2 },
			informationLoss: expect.closeTo(0.4696, 4),
			nodes: 54,
			withinLimit: true
		});
		for (const data of exports.values()) expect(data.privacy.clients).toBeGreaterThanOrEqual(0.9 * 1900);
	});

	it('every combination of the quasi-identifiers in the rows has at least k clients, and the counts add up', async () => {
		const [all] = await db.query<{ rows: number; clients: number }>(
			`SELECT count(*)::INTEGER AS rows, count(DISTINCT s.client_id)::INTEGER AS clients FROM measurements m JOIN sessions s USING (session_id)`
		);
		expect(all).toEqual({ rows: 110612, clients: 1900 });
		for (const [includeClinic, data] of exports) {
			const sizes = combinationSizes(data, includeClinic);
			expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(11);
			expect(sizes.size).toBe(data.privacy.combinations);
			expect(data.rows).toHaveLength(data.privacy.rows);
			expect(new Set(data.rows.map((r) => cell(data, r, 'client_id'))).size).toBe(data.privacy.clients);
			expect(data.privacy.rows + data.privacy.leftOutRows).toBe(all.rows);
			expect(data.privacy.clients + data.privacy.leftOutClients).toBe(all.clients);
		}
	});

	it('exports no date or month: no such column, no cell that looks like one', () => {
		for (const data of exports.values()) {
			expect(data.columns.map((c) => c.name).filter((name) => /date|month/.test(name))).toEqual([]);
			expect(data.rows.flat().filter((v) => typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v))).toEqual([]);
			expect(new Set(data.rows.map((r) => cell(data, r, 'first_visit')))).toEqual(new Set(['all']));
		}
	});

	it("days_since_first_visit starts at 0 for each client and is the session's date minus the client's first", async () => {
		const data = exports.get(false)!;
		const days = daysByClient(data);
		expect([...days.values()].every((d) => d[0] === 0 && d.every((x, i) => Number.isInteger(x) && x >= (d[i - 1] ?? 0)))).toBe(true);
		const expected = await db.query<{ session_id: string; days: number }>(
			`SELECT session_id, (session_date - min(session_date) OVER (PARTITION BY client_id))::INTEGER AS days FROM sessions`
		);
		const bySession = new Map(expected.map((r) => [r.session_id, r.days]));
		expect(data.rows.filter((r) => cell(data, r, 'days_since_first_visit') !== bySession.get(cell(data, r, 'session_id') as string))).toEqual([]);
		expect(Math.max(...[...days.values()].map((d) => d.at(-1)!))).toBeGreaterThan(30);
	});

	it('a therapist filter changes nothing in the exported rows', async () => {
		const filter = { ...NO_FILTER, techniques: ['swedish', 'deep_tissue'], from: '2025-03' };
		for (const includeClinic of [false, true]) {
			const picked = await exportRows(db, { ...filter, therapists: ['T03'] }, 11, { includeClinic });
			const none = await exportRows(db, filter, 11, { includeClinic });
			expect(picked.rows.length).toBeGreaterThan(1000);
			expect(picked.rows).toEqual(none.rows);
			expect(picked.privacy).toEqual(none.privacy);
		}
	}, 60_000);

	it('a filter exports exactly the matching scores of the kept clients', async () => {
		const filter = { ...NO_FILTER, techniques: ['swedish'], from: '2025-01', to: '2026-12' };
		const data = await exportRows(db, filter, 11, WITHOUT_CLINIC);
		const [expected] = await db.query<{ rows: number }>(
			`SELECT count(*)::INTEGER AS rows FROM measurements m JOIN session_facts f USING (session_id)
			WHERE f.primary_technique = 'swedish' AND f.month BETWEEN DATE '2025-01-01' AND DATE '2026-12-01'`
		);
		expect(data.privacy.rows + data.privacy.leftOutRows).toBe(expected.rows);
		expect(data.rows).toHaveLength(data.privacy.rows);
		expect(data.privacy.clients).toBeGreaterThanOrEqual(0.9 * (data.privacy.clients + data.privacy.leftOutClients));
		expect(data.rows.every((r) => cell(data, r, 'technique') === 'swedish')).toBe(true);
		expect(Math.min(...combinationSizes(data, false).values())).toBeGreaterThanOrEqual(11);
	}, 60_000);
});
