import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bytesOf, importFile, lines, problemRows, rowCounts, WIDE } from './importFile';

const ROWS = [
	['Client', 'Date', 'Technique', 'Condition', 'Pain before', 'Pain after'],
	['C1', '2026-03-02', 'swedish', 'neck_pain', '6', '3'],
	['C2', '2026-03-03', 'deep_tissue', 'neck_pain', '7', '2'],
	['C2', '2026-03-10', 'deep_tissue', 'neck_pain', 'seven', '2']
];

const joined = (delimiter: string) => lines(ROWS.map((r) => r.join(delimiter)));

describe.each([
	['tab (TSV)', 'visits.tsv', bytesOf(joined('\t')), '\t'],
	['tab in a .txt file', 'visits.txt', bytesOf(joined('\t')), '\t'],
	['semicolon', 'visits.csv', bytesOf(joined(';')), ';'],
	['comma, gzipped', 'visits.csv.gz', new Uint8Array(gzipSync(bytesOf(joined(',')))), ','],
	['semicolon, gzipped', 'visits.csv.gz', new Uint8Array(gzipSync(bytesOf(joined(';')))), ';']
])('%s', (_, name, bytes, delimiter) => {
	test('the delimiter is found from the header and every row is read and checked', async () => {
		const { staged, check, counts, measurements } = await importFile(name, bytes, WIDE);
		expect(staged.delimiter).toBe(delimiter);
		expect(staged.headers).toEqual(ROWS[0]);
		expect(rowCounts(check)).toEqual({ read: 3, accepted: 2, rejected: 1 });
		expect(problemRows(check)).toEqual([[4, 'Pain before', '"seven" is not a number']]);
		expect(counts).toEqual({ sessions: 2, measurements: 4, clients: 2, therapists: 0 });
		expect(measurements.map((m) => [m.client_id, m.timepoint, m.value])).toEqual([
			['C1', 'pre', 6],
			['C1', 'post', 3],
			['C2', 'pre', 7],
			['C2', 'post', 2]
		]);
	});
});

test('a semicolon file whose labels hold commas: the header decides, so commas stay in the cells', async () => {
	const text = lines(['Client;Date;Technique;Condition;Pain before;Pain after', 'C1;2026-03-02;Deep tissue, firm;neck_pain;6;3']);
	const mapping = { ...WIDE, values: { primary_technique: { 'Deep tissue, firm': 'deep_tissue' } } };
	const { staged, check, sessions } = await importFile('visits.csv', bytesOf(text), mapping);
	expect(staged.delimiter).toBe(';');
	expect(rowCounts(check)).toEqual({ read: 1, accepted: 1, rejected: 0 });
	expect(sessions.map((s) => s.primary_technique)).toEqual(['deep_tissue']);
});
