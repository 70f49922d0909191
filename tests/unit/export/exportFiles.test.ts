import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import {
	BUNDLE_FILES,
	CONDITION_GROUPS,
	EXPORT_COLUMNS,
	THERAPIST_FILTER_TEXT,
	bundleReadme,
	datedFileName,
	dictionaryCsv,
	exportCsv,
	exportParquet,
	exportRows,
	researcherBundle,
	slug,
	type ExportData
} from '$lib/export';
import { NO_FILTER } from '$lib/queries';
import { gzippedDatasetFiles } from '../../support/csvDataset';
import { openDemoDatabase } from '../../support/demoDataset';
import { parseCsv } from '../../support/parseCsv';
import { openDatasetDatabase } from '../../support/testDatabase';
import { EXPORT_DATASET } from './exportDataset';
import { unzipSync } from 'fflate';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** One hand-made row whose id a spreadsheet would run as a formula, and a negative score. */
function injectionData(): ExportData {
	const row = ['=HYPERLINK("x")', '+C01', 1, 0, 'swedish', '2025-Q1', '-neck', '40-49', '@female', 'north', 'pain_nrs', 'pre', -3, null, null];
	const recoding = { age_band: 0, sex: 0, condition: 0, first_visit: 0 };
	const privacy = { clients: 1, rows: 1, leftOutClients: 0, leftOutRows: 0, combinations: 1, recoding, informationLoss: 0, nodes: 54, withinLimit: true };
	return { columns: EXPORT_COLUMNS, options: { includeClinic: true }, rows: [row], privacy, filter: NO_FILTER, k: 5 };
}

describe('exportCsv', () => {
	it('escapes text cells that start a formula and leaves numbers as they are', () => {
		const lines = text(exportCsv(injectionData(), { bom: false })).split('\r\n');
		expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
		expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",'+C01,1,0,swedish,2025-Q1,'-neck,40-49,'@female,north,pain_nrs,pre,-3,,`);
		const parsed = parseCsv(lines.join('\n'));
		expect(parsed.rows[0][0]).toBe(`'=HYPERLINK("x")`);
		expect(parsed.rows[0][12]).toBe('-3');
	});

	it('starts with a UTF-8 byte-order mark only when asked', () => {
		expect([...exportCsv(injectionData(), { bom: true }).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(exportCsv(injectionData(), { bom: false })[0]).toBe('s'.charCodeAt(0));
	});
});

describe('export files from the hand-made dataset', () => {
	let db: Connector;
	let data: ExportData;
	beforeAll(async () => {
		db = await openDatasetDatabase(gzippedDatasetFiles(EXPORT_DATASET));
		data = await exportRows(db, NO_FILTER, 5, { includeClinic: true });
	});
	afterAll(() => db.close());

	it('CSV holds a header and one line per kept score', () => {
		const lines = text(exportCsv(data, { bom: false })).trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + 16);
		expect(lines[1]).toBe('S1,C01,1,0,swedish,2025-Q1,neck_pain,all,all,north,pain_nrs,pre,6,,');
	});

	it('Parquet reads back the same rows with typed columns', async () => {
		const bytes = exportParquet(data);
		const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		const metadata = parquetMetadata(file);
		expect(Number(metadata.num_rows)).toBe(16);
		const types = Object.fromEntries(metadata.schema.slice(1).map((s) => [s.name, s.type]));
		expect(types).toMatchObject({ session_id: 'BYTE_ARRAY', session_number: 'INT32', days_since_first_visit: 'INT32', first_visit: 'BYTE_ARRAY', value: 'DOUBLE', side: 'BYTE_ARRAY' });
		const rows = await parquetReadObjects({ file });
		expect(rows.map((row) => EXPORT_COLUMNS.map((c) => row[c.name] ?? null))).toEqual(data.rows);
		expect(typeof rows[0].value).toBe('number');
	});

	it('the researcher bundle is a zip of README, data, Parquet, dictionary, results and the R script', () => {
		const created = new Date('2026-01-02T03:04:05Z');
		const results = [{ table: 'course', condition: 'neck_pain', outcome: 'pain', courseEnd: 'last_pre', technique: 'swedish', statistic: 'n', value: 12 }] as const;
		const zip = researcherBundle(data, results, { bom: false, created });
		expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const files = unzipSync(zip);
		expect(Object.keys(files)).toEqual([...BUNDLE_FILES]);
		const byName = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, { content }]));
		expect(byName['data.csv'].content).toEqual(exportCsv(data, { bom: false }));
		expect(byName['data.parquet'].content).toEqual(exportParquet(data));
		expect(text(byName['dictionary.csv'].content)).toBe(dictionaryCsv());
		expect(text(byName['results.csv'].content)).toBe('table,condition,outcome,course_end,technique,statistic,value\r\ncourse,neck_pain,pain,last_pre,swedish,n,12\r\n');
		expect(text(byName['reproduce.R'].content)).toMatch(/^K <- 5$/m);
		const readme = text(byName['README.txt'].content);
		const statements = [
			'Left out: 1 client and 2 rows whose combination fewer than 5 clients share after recoding.',
			'16 rows, 6 clients',
			'Recoding chosen: no age (all), no sex (all), condition as recorded and first-visit quarter',
			'none of the 54 recodings tried leaves out 5% of the clients or fewer: the one that keeps the most',
			'Information lost: 57.1%',
			'techniques: all',
			'results.csv holds 1 figure: ',
			'Rscript reproduce.R'
		];
		expect(statements.filter((s) => !readme.includes(s))).toEqual([]);
		expect(readme).not.toMatch(/C07/);
	});

	it('the dictionary describes every exported column, the canonical tables, instruments and statistics', () => {
		const { headers, rows } = parseCsv(dictionaryCsv());
		expect(headers).toEqual(['section', 'name', 'type', 'description', 'allowed_values', 'source']);
		expect(rows.filter((r) => r[0] === 'data.csv').map((r) => r[1])).toEqual(EXPORT_COLUMNS.map((c) => c.name));
		const allowed = (name: string) => rows.find((r) => r[0] === 'data.csv' && r[1] === name)![4];
		expect(allowed('first_visit')).toBe('a quarter YYYY-Qn (e.g. 2025-Q1); or a year YYYY; or all');
		expect(allowed('age_band')).toContain('20-year bands 18-39 | 40-59 | 60+; or all');
		expect(allowed('condition')).toContain('musculoskeletal_pain (Musculoskeletal pain: chronic_low_back_pain, neck_pain, shoulder');
		expect(allowed('days_since_first_visit')).toBe('0, 1, 2, ... (whole days)');
		expect(rows.filter((r) => r[0] === 'age band (recoded)').map((r) => [r[1], r[3]])).toEqual([
			['18-39', '20-year band: 18-29, 30-39'],
			['40-59', '20-year band: 40-49, 50-59'],
			['60+', '20-year band: 60-69, 70-79, 80+']
		]);
		expect(rows.filter((r) => r[0] === 'condition group (recoded)').map((r) => r[1])).toEqual(Object.keys(CONDITION_GROUPS));
		expect(rows.some((r) => r[0] === 'table sessions' && r[1] === 'session_date' && r[2] === 'DATE')).toBe(true);
		expect(rows.some((r) => r[0] === 'instrument' && r[1] === 'pain_nrs')).toBe(true);
		expect(rows.some((r) => r[0] === 'measure' && r[1] === 'within_session_change')).toBe(true);
		expect(rows.some((r) => r[0] === 'statistic' && r[1] === 'd_z')).toBe(true);
	});
});

describe("the researcher bundle's README on the demo data", () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	}, 60_000);
	afterAll(() => db.close());

	it('states the recoding and the counts, and names no therapist even with therapists picked', async () => {
		const data = await exportRows(db, { ...NO_FILTER, therapists: ['T03', 'T11'] }, 11);
		const readme = bundleReadme(data, new Date('2026-01-02T00:00:00Z'), 0);
		expect(readme).not.toMatch(/T\d\d|therapists:/);
		const statements = [
			THERAPIST_FILTER_TEXT,
			'Quasi-identifiers: age band, sex, condition and first visit.',
			'Recoding chosen: age in 20-year bands, sex as recorded, condition group and no first visit (all)',
			'(the least information loss of the 54 recodings tried that leave out at most 5% of the clients)',
			'Kept: 1837 of 1900 clients and 107077 of 110612 rows, in 28 combinations.',
			'Left out: 63 clients and 3535 rows whose combination fewer than 11 clients share after recoding.',
			'Information lost: 28.5%'
		];
		expect(statements.filter((s) => !readme.includes(s))).toEqual([]);
	}, 60_000);
});

describe('file names', () => {
	it('are the title as a slug and the date', () => {
		expect(slug('Pain (0-10) by technique')).toBe('pain-0-10-by-technique');
		expect(slug('Range of motion (% of normal) — été')).toBe('range-of-motion-of-normal-ete');
		expect(datedFileName('Pain (0-10) by technique', 'svg', new Date(2026, 10, 5))).toBe('pain-0-10-by-technique-2026-11-05.svg');
	});
});
