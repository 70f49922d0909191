import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { BUNDLE_FILES, EXPORT_COLUMNS, datedFileName, dictionaryCsv, exportCsv, exportParquet, exportRows, researcherBundle, slug, type ExportData } from '$lib/export';
import { NO_FILTER } from '$lib/queries';
import { gzippedDatasetFiles } from '../../support/csvDataset';
import { parseCsv } from '../../support/parseCsv';
import { openDatasetDatabase } from '../../support/testDatabase';
import { EXPORT_DATASET } from './exportDataset';
import { readTar } from './readTar';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** One hand-made row whose id a spreadsheet would run as a formula, and a negative score. */
function injectionData(): ExportData {
	const row = ['=HYPERLINK("x")', '+C01', 1, '2025-01', 'swedish', '-neck', '40-49', '@female', 'north', 'pain_nrs', 'pre', -3, null, null];
	return { columns: EXPORT_COLUMNS, options: { includeClinic: true }, rows: [row], privacy: { clients: 1, rows: 1, leftOutClients: 0, leftOutRows: 0, combinations: 1 }, filter: NO_FILTER, k: 5 };
}

describe('exportCsv', () => {
	it('escapes text cells that start a formula and leaves numbers as they are', () => {
		const lines = text(exportCsv(injectionData(), { bom: false })).split('\r\n');
		expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
		expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",'+C01,1,2025-01,swedish,'-neck,40-49,'@female,north,pain_nrs,pre,-3,,`);
		const parsed = parseCsv(lines.join('\n'));
		expect(parsed.rows[0][0]).toBe(`'=HYPERLINK("x")`);
		expect(parsed.rows[0][11]).toBe('-3');
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
		expect(lines).toHaveLength(1 + 14);
		expect(lines[1]).toBe('S1,C01,1,2025-01,swedish,neck_pain,40-49,female,north,pain_nrs,pre,6,,');
	});

	it('Parquet reads back the same rows with typed columns', async () => {
		const bytes = exportParquet(data);
		const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		const metadata = parquetMetadata(file);
		expect(Number(metadata.num_rows)).toBe(14);
		const types = Object.fromEntries(metadata.schema.slice(1).map((s) => [s.name, s.type]));
		expect(types).toMatchObject({ session_id: 'BYTE_ARRAY', session_number: 'INT32', value: 'DOUBLE', side: 'BYTE_ARRAY' });
		const rows = await parquetReadObjects({ file });
		expect(rows.map((row) => EXPORT_COLUMNS.map((c) => row[c.name] ?? null))).toEqual(data.rows);
		expect(typeof rows[0].value).toBe('number');
	});

	it('the researcher bundle is a tar of README, data, Parquet and dictionary with the right sizes', () => {
		const created = new Date('2026-01-02T03:04:05Z');
		const tar = researcherBundle(data, { bom: false, created });
		expect(tar.length % 512).toBe(0);
		const files = readTar(tar);
		expect(files.map((f) => f.name)).toEqual([...BUNDLE_FILES]);
		const byName = Object.fromEntries(files.map((f) => [f.name, f]));
		expect(byName['data.csv'].content).toEqual(exportCsv(data, { bom: false }));
		expect(byName['data.parquet'].content).toEqual(exportParquet(data));
		expect(text(byName['dictionary.csv'].content)).toBe(dictionaryCsv());
		expect(files.every((f) => f.mtime === created.getTime() / 1000 && f.checksumOk)).toBe(true);
		const readme = text(byName['README.txt'].content);
		expect(readme).toContain('Left out: 2 clients and 4 rows whose combination fewer than 5 clients share.');
		expect(readme).toContain('14 rows, 5 clients');
		expect(readme).toContain('techniques: all');
		expect(readme).not.toMatch(/C06|C07/);
	});

	it('the dictionary describes every exported column, the canonical tables, instruments and statistics', () => {
		const { headers, rows } = parseCsv(dictionaryCsv());
		expect(headers).toEqual(['section', 'name', 'type', 'description', 'allowed_values', 'source']);
		expect(rows.filter((r) => r[0] === 'data.csv').map((r) => r[1])).toEqual(EXPORT_COLUMNS.map((c) => c.name));
		expect(rows.some((r) => r[0] === 'table sessions' && r[1] === 'session_date' && r[2] === 'DATE')).toBe(true);
		expect(rows.some((r) => r[0] === 'instrument' && r[1] === 'pain_nrs')).toBe(true);
		expect(rows.some((r) => r[0] === 'measure' && r[1] === 'within_session_change')).toBe(true);
		expect(rows.some((r) => r[0] === 'statistic' && r[1] === 'd_z')).toBe(true);
	});
});

describe('file names', () => {
	it('are the title as a slug and the date', () => {
		expect(slug('Pain (0-10) by technique')).toBe('pain-0-10-by-technique');
		expect(slug('Range of motion (% of normal) — été')).toBe('range-of-motion-of-normal-ete');
		expect(datedFileName('Pain (0-10) by technique', 'svg', new Date(2026, 10, 5))).toBe('pain-0-10-by-technique-2026-11-05.svg');
	});
});
