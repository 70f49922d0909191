import { describe, expect, test } from 'vitest';
import { bytesOf, importFile, lines, problemRows, readOnly, rowCounts, WIDE } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after';

test('rows of delimiters only are rejected as empty, by row number', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,6,3', ',,,,,', 'C2,2026-03-03,swedish,neck_pain,5,2', ' , ,,,,', ',,,,,']);
	const { raw, check, counts } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(raw.map((r) => r.__row)).toEqual([2, 3, 4, 5, 6]);
	expect(rowCounts(check)).toEqual({ read: 5, accepted: 2, rejected: 3 });
	expect(check.problems).toEqual([
		{ row: 3, column: null, value: null, reason: 'the row is empty' },
		{ row: 5, column: null, value: null, reason: 'the row is empty' },
		{ row: 6, column: null, value: null, reason: 'the row is empty' }
	]);
	expect(counts.sessions).toBe(2);
});

/**
 * DuckDB's CSV reader skips empty lines (with more than one column) but counts them in the line numbers it gives
 * rows it cannot split, as a spreadsheet shows them as empty rows. The import does the same: an empty line is not
 * a row read, the rows after it keep their spreadsheet numbers, and a note says which lines were skipped.
 */
describe.each([
	['LF', '\n'],
	['CRLF', '\r\n']
])('empty lines (%s)', (_, eol) => {
	test('are skipped and said so; rows keep their spreadsheet numbers, also around an unsplittable row', async () => {
		const text = lines(
			[
				HEADER,
				'C1,2026-03-02,swedish,neck_pain,6,3',
				'',
				'C2,2026-03-03,swedish,neck_pain,5,2',
				'',
				'',
				'C3,2026-03-04,swedish,neck_pain,5,2,extra',
				'C4,2026-03-05,swedish,neck_pain,11,2',
				'C5,2026-03-06,swedish,neck_pain,5,2',
				'',
				''
			],
			eol
		);
		const { staged, raw, check, counts } = await importFile('visits.csv', bytesOf(text), WIDE);
		expect(staged.rowsRead).toBe(5);
		expect(staged.notes).toEqual(['3 empty lines were skipped (rows 3, 5, 6); the other rows keep the numbers a spreadsheet shows.']);
		expect(raw.map((r) => [r.__row, r.Client])).toEqual([
			[2, 'C1'],
			[4, 'C2'],
			[8, 'C4'],
			[9, 'C5']
		]);
		expect(rowCounts(check)).toEqual({ read: 5, accepted: 3, rejected: 2 });
		expect(check.problems).toEqual([
			{
				row: 7,
				column: null,
				value: null,
				reason: "this row has 7 cells where the header has 6; a cell that holds the delimiter needs quotes around it"
			},
			{ row: 8, column: 'Pain before', value: '11', reason: "value 11 is outside Pain (0-10)'s range 0-10" }
		]);
		expect(counts.sessions).toBe(3);
	});
});

test('one empty line is named by its row', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,6,3', '', 'C2,2026-03-03,swedish,neck_pain,5,12']);
	const { staged, check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.notes).toEqual(['Row 3 is an empty line and was skipped; the other rows keep the numbers a spreadsheet shows.']);
	expect(problemRows(check)).toEqual([[4, 'Pain after', "value 12 is outside Pain (0-10)'s range 0-10"]]);
});

test('a line of spaces is not empty: DuckDB cannot split it, so it is rejected with its row number', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,6,3', '   ', 'C2,2026-03-03,swedish,neck_pain,5,2']);
	const { staged, check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.notes).toEqual([]);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 2, rejected: 1 });
	expect(check.problems.map((p) => [p.row, p.column, p.value])).toEqual([[3, null, null]]);
	expect(check.problems[0].reason).toBe("this row has 1 cell where the header has 6; check the delimiter and the quotes in this row");
});

test('in a one-column file DuckDB reads an empty line as a row with a blank cell, so it is a row read, not skipped', async () => {
	const staged = await readOnly('ids.csv', bytesOf(lines(['Client', 'C1', '', 'C2'])));
	expect(staged.rowsRead).toBe(3);
	expect(staged.notes).toEqual([]);
});

test('empty lines before the header are skipped too: the header is still the header and rows keep their numbers', async () => {
	const rows = ['C1;2026-03-02;swedish;neck_pain;6;3', 'C2;2026-03-03;swedish;neck_pain;5;2;extra', 'C3;2026-03-04;swedish;neck_pain;5;12'];
	const text = lines(['', '', HEADER.replaceAll(',', ';'), ...rows], '\r\n');
	const { staged, raw, check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.delimiter).toBe(';');
	expect(staged.headers).toEqual(HEADER.split(','));
	expect(staged.notes).toEqual(['2 empty lines were skipped (rows 1, 2); the other rows keep the numbers a spreadsheet shows.']);
	expect(raw.map((r) => [r.__row, r.Client])).toEqual([
		[4, 'C1'],
		[6, 'C3']
	]);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 1, rejected: 2 });
	expect(problemRows(check)).toEqual([
		[5, null, "this row has 7 cells where the header has 6; a cell that holds the delimiter needs quotes around it"],
		[6, 'Pain after', "value 12 is outside Pain (0-10)'s range 0-10"]
	]);
});

test('a stray quote inside an unquoted cell opens no quoted field, so empty lines after it are still counted', async () => {
	const text = lines([
		`${HEADER},Note`,
		'C1,2026-03-02,swedish,neck_pain,6,3,is 5\'3" tall',
		'',
		'C2,2026-03-03,swedish,neck_pain,5,12,"a ""quoted"" note"',
		'',
		'C3,2026-03-04,swedish,neck_pain,5,2,'
	]);
	const { staged, raw, check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.notes).toEqual(['2 empty lines were skipped (rows 3, 5); the other rows keep the numbers a spreadsheet shows.']);
	expect(raw.map((r) => [r.__row, r.Note])).toEqual([
		[2, 'is 5\'3" tall'],
		[4, 'a "quoted" note'],
		[6, null]
	]);
	expect(problemRows(check)).toEqual([[4, 'Pain after', "value 12 is outside Pain (0-10)'s range 0-10"]]);
});
