import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { exportCanonicalTables } from '$lib/db/canonicalTables';
import { loadDataset } from '$lib/db/loadDataset';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import type { ImportCheck } from '$lib/ingest/check/importCheck';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import type { ImportMapping } from '$lib/ingest/importFields';
import { stageCsv } from '$lib/ingest/stage/stageCsv';
import { profileColumns } from '$lib/ingest/stage/profileColumns';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));

const CLINIC_MAPPING: ImportMapping = {
	layout: 'wide',
	fields: {
		client_id: { column: 'Client #' },
		session_date: { column: 'Appt Date' },
		primary_technique: { column: 'Service' },
		therapist_id: { column: 'RMT' },
		clinic_id: { column: 'Location' },
		primary_condition: { column: 'Condition' },
		age_band: { column: 'Age group' },
		sex: { column: 'Sex' },
		pain_nrs_pre: { column: 'Pain Before (0-10)' },
		pain_nrs_post: { column: 'Pain After (0-10)' },
		stress_nrs_pre: { column: 'Stress Before' },
		stress_nrs_post: { column: 'Stress After' },
		duration_min: { column: 'Minutes' }
	},
	values: {
		primary_technique: {
			'Deep Tissue Massage': 'deep_tissue',
			Swedish: 'swedish',
			'Trigger point': 'trigger_point',
			'Myofascial release': 'myofascial_release',
			Sports: 'sports',
			'Lymphatic drainage': 'lymphatic_drainage'
		},
		primary_condition: {
			'Low back pain': 'chronic_low_back_pain',
			'Neck pain': 'neck_pain',
			'Tension headache': 'tension_headache',
			Anxiety: 'anxiety_stress',
			Fibromyalgia: 'fibromyalgia',
			'Sports injury': 'sports_injury',
			'Post-surgical': 'post_surgical'
		},
		sex: { F: 'female', M: 'male' }
	},
	dateFormat: 'auto',
	decimalMark: 'auto'
};

describe('importing a wide clinic export', () => {
	let db: Connector;
	let check: ImportCheck;
	beforeAll(async () => {
		db = await openNodeConnector();
		const staged = await stageCsv(db, fixture('clinic-visits.csv'), 'clinic-visits.csv');
		expect(staged.rowsRead).toBe(18);
		const profile = await profileColumns(db, staged);
		expect(profile.columns.find((c) => c.header === 'Service')?.distinct).toBe(7);
		const result = await checkImport(db, staged, CLINIC_MAPPING, DEFAULT_IMPORT_OPTIONS, { existingSessions: false, keySalt: 'salt' });
		if ('mappingProblems' in result) throw new Error(result.mappingProblems.join('\n'));
		check = result;
	});
	afterAll(() => db.close());

	test('reports exactly the three invalid rows, by spreadsheet row number, and counts add up', () => {
		expect(check.rowsRead).toBe(18);
		expect(check.rowsRejected).toBe(3);
		expect(check.rowsAccepted).toBe(15);
		expect(check.problems.map((p) => [p.row, p.column, p.value])).toEqual([
			[8, 'Pain Before (0-10)', '12'],
			[10, 'Service', 'Reiki'],
			[12, 'Appt Date', '30/02/2026']
		]);
		expect(check.dateFormat).toBe('DD/MM/YYYY');
	});

	test('counts what the accepted rows add', () => {
		expect(check.sessions).toBe(15);
		expect(check.clients).toBe(8);
		expect(check.measurements).toBe(56);
	});

	test('commits canonical rows that load like the demo data', async () => {
		const counts = await commitImport(db, CLINIC_MAPPING, DEFAULT_IMPORT_OPTIONS);
		expect(counts).toEqual({ sessions: 15, measurements: 56, clients: 8, therapists: 3 });
		const files = await exportCanonicalTables(db);
		const fresh = await openNodeConnector();
		try {
			await loadDataset(fresh, files);
			const [c1005] = await fresh.query(
				`SELECT s.session_date::VARCHAR AS d, s.session_number, m.value FROM sessions s JOIN measurements m USING (session_id)
				 WHERE s.client_id = 'C1005' AND m.instrument = 'pain_nrs' AND m.timepoint = 'pre'`
			);
			expect(c1005).toEqual({ d: '2026-03-01', session_number: 1, value: 6.5 });
			const offsets = await fresh.query(`SELECT session_date::VARCHAR AS d, day_offset FROM sessions WHERE client_id = 'C1001' ORDER BY session_number`);
			expect(offsets).toEqual([
				{ d: '2026-02-01', day_offset: 0 },
				{ d: '2026-02-01', day_offset: 7 },
				{ d: '2026-02-01', day_offset: 14 }
			]);
			const [client] = await fresh.query(`SELECT * FROM clients WHERE client_id = 'C1008'`);
			expect(client).toEqual({ client_id: 'C1008', age_band: '80+', sex: 'male', primary_condition: 'chronic_low_back_pain' });
		} finally {
			await fresh.close();
		}
	});
});
