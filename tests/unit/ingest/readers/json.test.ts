import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '$lib/ingest/importFileError';
import { readJson } from '$lib/ingest/readers';
import { VISIT_HEADERS, visitRowsWithNumberFee } from './visitTable';

const FIXTURES = 'tests/fixtures/import/';

function fixture(name: string): string {
	return readFileSync(FIXTURES + name, 'utf8');
}

function failure(read: () => unknown): ImportFileError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(ImportFileError);
		return error as ImportFileError;
	}
	throw new Error('expected an ImportFileError');
}

describe('reading a JSON file', () => {
	it('a list of records gives the visit table, the fee as a plain number', () => {
		const table = readJson(fixture('visits.json'), 'visits.json');
		expect(table.source).toBe('visits.json');
		expect(table.headers).toEqual(VISIT_HEADERS);
		expect(table.rows).toHaveLength(16);
		expect(table.rows).toEqual(visitRowsWithNumberFee());
		expect(table.rows[3]).toEqual(['C0003', 'T03', '2025-03-11', 'trigger_point', 'tension_headache', '8', null, '7', '30', '55.5', 'true', '2025-03-11 14:45:30']);
		expect(table.notes).toBeUndefined();
	});

	it('NDJSON gives the same table, skipping the blank line', () => {
		const table = readJson(fixture('visits.ndjson'), 'visits.ndjson');
		expect(table.headers).toEqual(VISIT_HEADERS);
		expect(table.rows).toEqual(visitRowsWithNumberFee());
	});

	it('NDJSON with Windows line ends reads the same', () => {
		const crlf = fixture('visits.ndjson').replaceAll('\n', '\r\n');
		expect(readJson(crlf, 'visits.ndjson').rows).toEqual(visitRowsWithNumberFee());
	});

	it('flattens nested records from the one list an object holds', () => {
		const table = readJson(fixture('visits-nested.json'), 'visits-nested.json');
		expect(table.headers).toEqual([
			'client.id', 'client.age_band', 'visit.date', 'visit.technique', 'visit.duration_min', 'pain.pre', 'pain.post',
			'techniques', 'measures', 'follow_up', 'referral_code'
		]);
		expect(table.rows).toEqual([
			['C0001', '40-49', '2025-03-03', 'swedish', '60', '6.5', '4', 'swedish;stretching_pnf', '[{"instrument":"NPRS","pre":6.5,"post":4}]', 'true', null],
			['C0002', '30-39', '2025-03-03', 'deep_tissue', '45', '7', null, null, null, 'false', 'R2'],
			['C0003', null, '2025-03-11', 'trigger_point', '30', '8', '5.5', 'trigger_point', null, null, null]
		]);
		expect(table.notes).toEqual(['Records read from the "data" list; the file\'s other fields ("export") were left out.']);
	});

	it('joins lists of plain values with ";" and keeps a blank item empty', () => {
		const table = readJson('[{"codes": ["a", 2, true, null, "b"], "empty": {}}]', 'codes.json');
		expect(table.headers).toEqual(['codes', 'empty']);
		expect(table.rows).toEqual([['a;2;true;;b', null]]);
	});

	it('reads one record on its own as a table of one row', () => {
		const table = readJson('{"client_id": "C0001", "pain_pre": 4.5}', 'one.json');
		expect(table.headers).toEqual(['client_id', 'pain_pre']);
		expect(table.rows).toEqual([['C0001', '4.5']]);
	});

	it('ignores a UTF-8 byte order mark at the start', () => {
		const table = readJson('\uFEFF[{"client_id": "C0001", "pain_pre": 4.5}]', 'bom.json');
		expect(table.headers).toEqual(['client_id', 'pain_pre']);
		expect(readJson('\uFEFF' + fixture('visits.ndjson'), 'bom.ndjson').rows).toHaveLength(16);
	});

	it('names the NDJSON line that is not valid JSON', () => {
		const error = failure(() => readJson(fixture('malformed.ndjson'), 'malformed.ndjson'));
		expect(error.source).toBe('malformed.ndjson');
		expect(error.message).toMatch(/^malformed\.ndjson: line 3 is not valid JSON \(.+\)\. /);
		expect(error.message).toContain('fix or remove line 3 and upload the file again');
	});

	it('names the NDJSON line that holds something other than a record', () => {
		const error = failure(() => readJson('{"a": 1}\n\n[1, 2]\n', 'list-line.ndjson'));
		expect(error.message).toBe(
			'list-line.ndjson: line 3 holds a list, not a record {...}. Each line of an NDJSON file must be one record: ' +
				'fix or remove line 3 and upload the file again.'
		);
	});

	it('gives the character position, line and column where a JSON document breaks', () => {
		const error = failure(() => readJson('[\n  {"a": 1},\n  {"a": 2,}\n]', 'broken.json'));
		expect(error.message).toMatch(
			/^broken\.json: the file is not valid JSON at character 25 \(line 3, column 11\): .+\. Fix the file there, or save it again/
		);
	});

	it('says an empty file is empty', () => {
		expect(failure(() => readJson('', 'empty.json')).message).toBe(
			'empty.json: the file is empty. Check that you chose the right file, or export it again.'
		);
		expect(failure(() => readJson('\uFEFF \n\n', 'blank.ndjson')).message).toContain('blank.ndjson: the file is empty');
	});

	it('says a list with no records, or an item that is not a record, cannot be imported', () => {
		expect(failure(() => readJson('[]', 'none.json')).message).toContain('none.json: the file holds no records');
		expect(failure(() => readJson('{"data": []}', 'none.json')).message).toContain('the file holds no records');
		expect(failure(() => readJson('[{"a": 1}, 7]', 'mixed.json')).message).toContain(
			'mixed.json: item 2 of the list is a number, not a record {...}'
		);
		expect(failure(() => readJson('"C0001"', 'scalar.json')).message).toContain('the file holds a string, not records');
		expect(failure(() => readJson('{"visits": [{"a": 1}], "clients": [{"b": 2}]}', 'two.json')).message).toContain(
			'the file holds 2 lists of records ("visits", "clients")'
		);
	});
});
