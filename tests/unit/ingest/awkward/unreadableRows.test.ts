import { describe, expect, test } from 'vitest';
import { bytesOf, importFile, lines, rowCounts, WIDE } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after';

test('a row with too many fields in a small file is rejected with its row number; the others are imported', async () => {
	const text = lines([
		HEADER,
		'C1,2026-03-02,swedish,neck_pain,6,3',
		'C2,2026-03-03,swedish,neck_pain,6,3,extra',
		'C3,2026-03-04,swedish,neck_pain,5,2'
	]);
	const { staged, raw, check, counts } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(staged.headers).toEqual(HEADER.split(','));
	expect(staged.rowsRead).toBe(3);
	expect(raw.map((r) => [r.__row, r.Client])).toEqual([
		[2, 'C1'],
		[4, 'C3']
	]);
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 2, rejected: 1 });
	expect(check.problems).toEqual([
		{ row: 3, column: null, value: null, reason: `this row has 7 cells where the header has 6; a cell that holds the delimiter needs quotes around it` }
	]);
	expect(counts).toEqual({ sessions: 2, measurements: 4, clients: 2, therapists: 0 });
});

test('a row with too few fields is rejected the same way', async () => {
	const text = lines([HEADER, 'C1,2026-03-02,swedish,neck_pain,6', 'C3,2026-03-04,swedish,neck_pain,5,2']);
	const { check } = await importFile('visits.csv', bytesOf(text), WIDE);
	expect(rowCounts(check)).toEqual({ read: 2, accepted: 1, rejected: 1 });
	expect(check.problems).toEqual([
		{ row: 2, column: null, value: null, reason: `this row has 5 cells where the header has 6; check the delimiter and the quotes in this row` }
	]);
});

describe.each([
	['LF', '\n'],
	['CRLF', '\r\n']
])('after a field with %s line breaks', (_, eol) => {
	test('an unsplittable row and the rows after it keep their spreadsheet numbers', async () => {
		const header = `${HEADER},Comment`;
		const text = lines(
			[
				header,
				`C1,2026-03-02,swedish,neck_pain,6,3,"two${eol}lines"`,
				`C2,2026-03-03,swedish,neck_pain,6,3,"three${eol}more${eol}lines",extra`,
				'C3,2026-03-04,swedish,neck_pain,5,12,',
				'C4,2026-03-05,swedish,neck_pain,5,2,'
			],
			eol
		);
		const { raw, check, counts } = await importFile('visits.csv', bytesOf(text), WIDE);
		expect(raw.map((r) => [r.__row, r.Client])).toEqual([
			[2, 'C1'],
			[4, 'C3'],
			[5, 'C4']
		]);
		expect(rowCounts(check)).toEqual({ read: 4, accepted: 2, rejected: 2 });
		expect(check.problems).toEqual([
			{
				row: 3,
				column: null,
				value: null,
				reason: `this row has 8 cells where the header has 7; a cell that holds the delimiter needs quotes around it`
			},
			{ row: 4, column: 'Pain after', value: '12', reason: "value 12 is outside Pain (0-10)'s range 0-10" }
		]);
		expect(counts.sessions).toBe(2);
	});
});
