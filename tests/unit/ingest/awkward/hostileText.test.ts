import { expect, test } from 'vitest';
import { suggestMapping } from '$lib/ingest/suggest/suggestMapping';
import { suggestValueMap } from '$lib/ingest/suggest/suggestValues';
import { bytesOf, importFile, lines, readOnly, rowCounts, WIDE } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after';
const ROWS = ['C1,2026-03-02,swedish,neck_pain,6,3', 'C2,2026-03-03,swedish,neck_pain,5,2', 'C3,2026-03-04,swedish,neck_pain,4,1'];

test('LF and CRLF line endings in one file (files pasted together) are all read as line breaks', async () => {
	const text = `${HEADER}\n${ROWS[0]}\r\n${ROWS[1]}\n${ROWS[2]}\r\n`;
	const { check, sessions } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 3, rejected: 0 });
	expect(sessions.map((s) => s.client_id)).toEqual(['C1', 'C2', 'C3']);
});

test('a lone carriage return among line feeds ends its row, and the rows after keep their numbers', async () => {
	const text = `${HEADER}\n${ROWS[0]}\r${ROWS[1]}\n${ROWS[2]},extra\n`;
	const { check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 2, rejected: 1 });
	expect(check.problems.map((p) => [p.row, p.reason])).toEqual([[4, 'this row has 7 cells where the header has 6; a cell that holds the delimiter needs quotes around it']]);
});

test('NUL characters in cells are removed, with a note, rather than breaking the check', async () => {
	const text = lines([HEADER, 'C\u00001,2026-03-02,swedish,neck_pain,6,3', ROWS[1]]);
	const { staged, check, sessions } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.notes).toContain('1 NUL character was removed from the text; no export writes them on purpose.');
	expect(rowCounts(check)).toEqual({ read: 2, accepted: 2, rejected: 0 });
	expect(sessions.map((s) => s.client_id)).toEqual(['C1', 'C2']);
});

test('binary bytes under a .csv name are refused as not text, naming the file', async () => {
	const bytes = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256);
	await expect(readOnly('export.csv', bytes)).rejects.toThrow(/^export\.csv: this does not look like a CSV or text file: .* control characters .* export the data again as CSV\.$/);
});

test('a file wider than 2,000 columns is refused with its width and what to export', async () => {
	const header = [HEADER, ...Array.from({ length: 2500 }, (_, i) => `extra ${i}`)].join(',');
	await expect(readOnly('wide.csv', bytesOf(lines([header, ROWS[0]])))).rejects.toThrow(
		'wide.csv: the file has 2,506 columns, more than the 2,000 the import reads. Export only the columns the dashboard uses'
	);
});

test('headers and values named like Object members ("constructor", "__proto__", "toString") are plain text', async () => {
	const headers = ['constructor', '__proto__', 'toString', ...HEADER.split(',')];
	expect(suggestMapping(headers).fields).toMatchObject({ client_id: { column: 'Client' }, session_date: { column: 'Date' } });
	expect(suggestValueMap('primary_technique', ['constructor', 'swedish'])).toEqual({ swedish: 'swedish' });
	const text = lines([headers.join(','), `a,b,c,${ROWS[0]}`, 'a,b,c,C2,2026-03-03,constructor,neck_pain,5,2']);
	const { check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(rowCounts(check)).toEqual({ read: 2, accepted: 1, rejected: 1 });
	expect(check.problems[0]).toMatchObject({ row: 3, column: 'Technique', value: 'constructor' });
});

test('250,000 empty lines between two rows are skipped and counted, without trapping the engine', async () => {
	const text = `${HEADER}\n${ROWS[0]}\n${'\n'.repeat(250_000)}${ROWS[1]}\n`;
	const staged = await readOnly('visits.csv', bytesOf(text));
	expect(staged.rowsRead).toBe(2);
	expect(staged.notes[0]).toMatch(/^250000 empty lines were skipped \(rows 3, 4, 5/);
});

test('a first line of more than a million characters is refused as no header, naming the file', async () => {
	await expect(readOnly('bomb.csv', bytesOf('1'.repeat(1_500_000)))).rejects.toThrow(
		'bomb.csv: the first line, which should hold the column names, is more than 1,000,000 characters long.'
	);
});

test('a quoted cell of 3 MB with line breaks and commas is one cell, not an unclosed quote and a thousand broken rows', async () => {
	const note = Array.from({ length: 3 * 1024 }, (_, i) => 'x'.repeat(1020) + (i % 2 ? ',\n' : ', ')).join('');
	const text = lines([`${HEADER},Notes`, `${ROWS[0]},"${note}"`, `${ROWS[1]},short`]);
	const { raw, check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(rowCounts(check)).toEqual({ read: 2, accepted: 2, rejected: 0 });
	expect(raw[0].Notes).toBe(note);
});
