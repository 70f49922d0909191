import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { EXPORT_COLUMNS, TWENTY_YEAR_BANDS, exportCsv, exportParquet, exportRows, type ExportData } from '$lib/export';
import { TWENTY_YEAR_AGE_BANDS } from '$lib/schema';
import { fittedPreset, profileValues } from '$lib/importer/suggestedMapping';
import { checkImport, mappingProblems } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import { RESEARCHER_EXPORT_COLUMNS, RESEARCHER_EXPORT_PRESET, isResearcherExport } from '$lib/ingest/presets';
import { readUpload, uploadFormat, type UploadedFile } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import type { StagedFile } from '$lib/ingest/stage/stagedFile';
import { NO_FILTER } from '$lib/queries';
import { openDemoDatabase } from '../../../support/demoDataset';

/** The demo data's researcher export at k = 11, as the overview writes it, once for every test. */
let data: ExportData;
beforeAll(async () => {
	const demo = await openDemoDatabase();
	try {
		data = await exportRows(demo, NO_FILTER, 11);
	} finally {
		await demo.close();
	}
}, 120_000);

/** What the export holds: its rows, sessions and clients. */
function exportCounts(d: ExportData) {
	const col = (name: string) => d.columns.findIndex((c) => c.name === name);
	return {
		rows: d.rows.length,
		sessions: new Set(d.rows.map((r) => r[col('session_id')])).size,
		clients: new Set(d.rows.map((r) => r[col('client_id')])).size
	};
}

/** Reads a file as the import page does, maps it with the preset it is recognised by, checks and commits it. */
async function importFile(db: Connector, file: UploadedFile) {
	const staged = await readUpload(db, [file]);
	const profile = await profileColumns(db, staged);
	expect(staged.preset).toBe(RESEARCHER_EXPORT_PRESET.name);
	const mapping = fittedPreset(structuredClone(RESEARCHER_EXPORT_PRESET.mapping), staged.headers, profileValues(profile));
	const check = await checkImport(db, staged, mapping, DEFAULT_IMPORT_OPTIONS, { existingSessions: false, keySalt: 'salt' });
	if ('mappingProblems' in check) throw new Error(check.mappingProblems.join('\n'));
	const counts = await commitImport(db, mapping, DEFAULT_IMPORT_OPTIONS);
	return { staged, check, counts };
}

describe('the researcher export is recognised by its columns', () => {
	it('with and without the clinic, and the preset maps every column but the first-visit period', () => {
		const names = EXPORT_COLUMNS.map((c) => c.name);
		expect(names).toEqual([...RESEARCHER_EXPORT_COLUMNS]);
		expect(isResearcherExport(names)).toBe(true);
		expect(isResearcherExport(names.filter((n) => n !== 'clinic_id'))).toBe(true);
		expect(isResearcherExport([...names, 'note'])).toBe(false);
		expect(isResearcherExport(names.slice(1))).toBe(false);
		const mapped = Object.values(RESEARCHER_EXPORT_PRESET.mapping.fields).map((s) => ('column' in s ? s.column : null));
		expect(names.filter((n) => !mapped.includes(n))).toEqual(['first_visit']);
	});

	it('the schema accepts every value the export recodes to: its 20-year bands', () => {
		expect([...TWENTY_YEAR_AGE_BANDS]).toEqual([...new Set(TWENTY_YEAR_BANDS.values())]);
	});

	it('a zip holding data.csv or data.parquet is a bundle; a workbook is not', () => {
		const bundle = zipSync({ 'README.txt': new Uint8Array([65]), 'data.csv': new Uint8Array([65]) });
		expect(uploadFormat({ name: 'bundle.zip', bytes: bundle })).toBe('bundle');
		expect(uploadFormat({ name: 'bundle', bytes: bundle })).toBe('bundle');
		const workbook = zipSync({ 'xl/workbook.xml': new Uint8Array([65]), 'data.csv': new Uint8Array([65]) });
		expect(uploadFormat({ name: 'book', bytes: workbook })).toBe('xlsx');
	});
});

describe('the export’s CSV escaping', () => {
	it('a leading quote the export put before an id that starts like a formula is taken off again', async () => {
		const client = data.columns.findIndex((c) => c.name === 'client_id');
		const first = data.rows[0][client];
		const rows = data.rows.filter((r) => r[client] === first).map((r) => r.map((cell, i) => (i === client ? '-C1' : cell)));
		const csv = exportCsv({ ...data, rows }, { bom: false });
		expect(new TextDecoder().decode(csv)).toContain(",'-C1,");
		const db = await openNodeConnector();
		try {
			const { check } = await importFile(db, { name: 'data.csv', bytes: csv });
			expect(check.rowsRejected).toBe(0);
			expect(await db.query(`SELECT client_id FROM clients`)).toEqual([{ client_id: '-C1' }]);
		} finally {
			await db.close();
		}
	});
});

describe('a file without visit dates', () => {
	const headers = ['client', 'days', 'technique', 'condition', 'instrument', 'timepoint', 'value'];
	const staged = { source: 'f.csv', headers, columns: headers.map((_, i) => `c${i}`), headerLabels: {}, flaggedIdentifiers: {} } as unknown as StagedFile;
	const fields = {
		client_id: { column: 'client' },
		primary_technique: { column: 'technique' },
		primary_condition: { column: 'condition' },
		instrument: { column: 'instrument' },
		timepoint: { column: 'timepoint' },
		value: { column: 'value' }
	};
	const mapping = { layout: 'long' as const, values: {}, dateFormat: 'auto' as const, decimalMark: 'auto' as const };

	it('needs the visit date, or the days since the first visit in its place', () => {
		expect(mappingProblems(staged, { ...mapping, fields }, DEFAULT_IMPORT_OPTIONS)).toEqual([
			'Choose the column that holds Visit date, or the one that holds Days since the client’s first visit (or give one date for every row).'
		]);
		expect(mappingProblems(staged, { ...mapping, fields: { ...fields, day_offset: { column: 'days' } } }, DEFAULT_IMPORT_OPTIONS)).toEqual([]);
	});
});

describe.each([
	['data.csv', () => ({ name: 'data.csv', bytes: exportCsv(data, { bom: false }) })],
	['data.csv with a byte-order mark', () => ({ name: 'data.csv', bytes: exportCsv(data, { bom: true }) })],
	['data.parquet', () => ({ name: 'data.parquet', bytes: exportParquet(data) })],
	[
		'the bundle .zip (its data.parquet)',
		() => ({
			name: 'massage-outcomes-researcher-bundle.zip',
			bytes: zipSync({
				'README.txt': new TextEncoder().encode('Massage outcomes: researcher bundle'),
				'data.csv': new TextEncoder().encode('not,read\r\n'),
				'data.parquet': exportParquet(data)
			})
		})
	],
	[
		'a zip holding only data.csv',
		() => ({ name: 'bundle.zip', bytes: zipSync({ 'bundle/data.csv': exportCsv(data, { bom: false }) }) })
	]
])('importing the demo data’s export as %s', (_, file) => {
	let db: Connector;
	let result: Awaited<ReturnType<typeof importFile>>;
	beforeAll(async () => {
		db = await openNodeConnector();
		result = await importFile(db, file());
	}, 120_000);
	afterAll(() => db?.close());

	it('keeps every row: as many sessions, clients and scores as the file holds', () => {
		const expected = exportCounts(data);
		// The demo data at k = 11 (tests/unit/export/exportRows.test.ts).
		expect(expected).toEqual({ rows: 107077, sessions: expect.any(Number), clients: 1837 });
		expect(result.check.rowsRead).toBe(expected.rows);
		expect(result.check.rowsRejected).toBe(0);
		expect(result.check.problems).toEqual([]);
		expect(result.counts).toEqual({ sessions: expected.sessions, measurements: expected.rows, clients: expected.clients, therapists: 0 });
	});

	it('stores no dates and no therapist or clinic ids, and times the sessions by the days since the first visit', async () => {
		const [facts] = await db.query<{ dated: number; therapists: number; clinics: number; timed: number; sessions: number }>(
			`SELECT count(session_date)::INTEGER AS dated, count(therapist_id)::INTEGER AS therapists, count(clinic_id)::INTEGER AS clinics,
				count(day_offset)::INTEGER AS timed, count(*)::INTEGER AS sessions FROM sessions`
		);
		expect(facts).toEqual({ dated: 0, therapists: 0, clinics: 0, timed: facts.sessions, sessions: exportCounts(data).sessions });
		const col = (name: string) => data.columns.findIndex((c) => c.name === name);
		const first = data.rows[0];
		const [session] = await db.query<{ day_offset: number; session_number: number }>(
			`SELECT day_offset, session_number FROM sessions WHERE session_id = ?`,
			[first[col('session_id')] as string]
		);
		expect(session).toEqual({ day_offset: first[col('days_since_first_visit')], session_number: first[col('session_number')] });
	});

	it('keeps the recoded age bands, condition groups and sexes as the file writes them', async () => {
		const col = (name: string) => data.columns.findIndex((c) => c.name === name);
		const written = (name: string) => new Set(data.rows.map((r) => r[col(name)]));
		const rows = await db.query<{ age_band: string | null; sex: string; primary_condition: string }>(`SELECT age_band, sex, primary_condition FROM clients`);
		expect(new Set(rows.map((r) => r.age_band))).toEqual(written('age_band'));
		expect(new Set(rows.map((r) => r.sex))).toEqual(written('sex'));
		expect(new Set(rows.map((r) => r.primary_condition))).toEqual(written('condition'));
		// The demo data at k = 11: 20-year bands and condition groups.
		expect(written('age_band')).toEqual(new Set(['18-39', '40-59', '60+']));
		expect(written('condition')).toContain('musculoskeletal_pain');
	});
});
