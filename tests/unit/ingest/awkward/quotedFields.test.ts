import { describe, expect, test } from 'vitest';
import { bytesOf, importFile, lines, problemRows, rowCounts, wide } from './importFile';

const HEADER = 'Client,Date,Technique,Condition,Pain before,Pain after,Comment';

/** Technique labels with a comma and with quotes, mapped to codes; a comment with a line break inside. */
const MAPPING = wide({ values: { primary_technique: { 'Deep tissue, firm': 'deep_tissue', 'Swedish "relaxation"': 'swedish' } } });

function file(eol: string): string {
	return lines(
		[
			HEADER,
			`C1,2026-03-02,"Deep tissue, firm",neck_pain,6,3,"first line${eol}second line"`,
			`C2,2026-03-03,"Swedish ""relaxation""",neck_pain,12,4,"said ""better"", then left"`,
			`C3,2026-03-04,"Deep tissue, firm",neck_pain,5,2,"a${eol}b${eol}c"`,
			`C4,2026-03-05,"Swedish ""relaxation""",neck_pain,7,11,`
		],
		eol
	);
}

describe.each([
	['LF', '\n'],
	['CRLF', '\r\n']
])('quoted fields with commas, doubled quotes and %s line breaks', (_, eol) => {
	test('cells are read whole, later rows keep their spreadsheet numbers, and canonical values are stored', async () => {
		const { staged, raw, check, counts, sessions, measurements } = await importFile('quoted.csv', bytesOf(file(eol)), MAPPING);
		expect(staged.headers).toEqual(HEADER.split(','));
		expect(staged.delimiter).toBe(',');
		expect(raw.map((r) => [r.__row, r.Technique, r.Comment])).toEqual([
			[2, 'Deep tissue, firm', `first line${eol}second line`],
			[3, 'Swedish "relaxation"', 'said "better", then left'],
			[4, 'Deep tissue, firm', `a${eol}b${eol}c`],
			[5, 'Swedish "relaxation"', null]
		]);
		expect(rowCounts(check)).toEqual({ read: 4, accepted: 2, rejected: 2 });
		// Rows 3 and 5 by the spreadsheet, not lines 4 and 8 of the file.
		expect(problemRows(check)).toEqual([
			[3, 'Pain before', "value 12 is outside Pain (0-10)'s range 0-10"],
			[5, 'Pain after', "value 11 is outside Pain (0-10)'s range 0-10"]
		]);
		expect(counts).toEqual({ sessions: 2, measurements: 4, clients: 2, therapists: 0 });
		expect(sessions).toEqual([
			{ client_id: 'C1', session_date: '2026-03-02', session_number: 1, primary_technique: 'deep_tissue', duration_min: null, day_offset: 0 },
			{ client_id: 'C3', session_date: '2026-03-04', session_number: 1, primary_technique: 'deep_tissue', duration_min: null, day_offset: 0 }
		]);
		expect(measurements.map((m) => [m.client_id, m.timepoint, m.value])).toEqual([
			['C1', 'pre', 6],
			['C1', 'post', 3],
			['C3', 'pre', 5],
			['C3', 'post', 2]
		]);
	});
});

test('a quoted header with a comma and quotes is one column, mapped by its text', async () => {
	const text = lines(['Client,Date,Technique,Condition,"Pain (0-10, ""before"")"', 'C1,2026-03-02,swedish,neck_pain,"4"']);
	const mapping = wide({ fields: { pain_nrs_pre: { column: 'Pain (0-10, "before")' } } });
	delete mapping.fields.pain_nrs_post;
	const { staged, check, measurements } = await importFile('header.csv', bytesOf(text), mapping);
	expect(staged.headers).toEqual(['Client', 'Date', 'Technique', 'Condition', 'Pain (0-10, "before")']);
	expect(rowCounts(check)).toEqual({ read: 1, accepted: 1, rejected: 0 });
	expect(measurements).toEqual([{ client_id: 'C1', session_date: '2026-03-02', instrument: 'pain_nrs', timepoint: 'pre', value: 4 }]);
});
