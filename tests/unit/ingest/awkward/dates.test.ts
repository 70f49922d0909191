import { describe, expect, test } from 'vitest';
import type { Row } from '$lib/db/connector';
import type { DateFormat } from '$lib/ingest/importFields';
import { EXACT, bytesOf, importFile, lines, problemRows, rowCounts, wide } from './importFile';

/** One row per date; dates with a comma ("March 25, 2026") quoted, as exports write them. */
function file(dates: string[]): string {
	const cell = (d: string) => (d.includes(',') ? `"${d}"` : d);
	return lines(['Client,Date,Technique,Condition,Pain before,Pain after', ...dates.map((d, i) => `C${i + 1},${cell(d)},swedish,neck_pain,5,3`)]);
}

const stored = (sessions: Row[]) => sessions.map((s) => s.session_date);

describe.each([
	['ISO', ['2026-03-04', '2026-12-31', '2026-1-5'], 'YYYY-MM-DD', ['2026-03-04', '2026-12-31', '2026-01-05']],
	['ISO datetimes', ['2026-03-04T10:15:00Z', '2026-03-05 09:30', '2026-03-06T23:59:59.123+02:00'], 'YYYY-MM-DD', ['2026-03-04', '2026-03-05', '2026-03-06']],
	['DD/MM/YYYY (a day over 12)', ['04/03/2026', '25/03/2026', '1/4/2026'], 'DD/MM/YYYY', ['2026-03-04', '2026-03-25', '2026-04-01']],
	['MM/DD/YYYY (a day over 12)', ['03/04/2026', '03/25/2026', '4/1/2026'], 'MM/DD/YYYY', ['2026-03-04', '2026-03-25', '2026-04-01']],
	['DD.MM.YYYY', ['04.03.2026', '25.03.2026', '01.04.2026'], 'DD.MM.YYYY', ['2026-03-04', '2026-03-25', '2026-04-01']],
	['month names', ['4 Mar 2026', 'March 25, 2026', 'Wed, 1 April 2026'], 'YYYY-MM-DD', ['2026-03-04', '2026-03-25', '2026-04-01']]
])('%s', (_, dates, format, iso) => {
	test('the format is found from the values and the exact dates are stored', async () => {
		const { check, sessions } = await importFile('visits.csv', bytesOf(file(dates)), wide({}));
		expect(check.dateFormat).toBe(format);
		expect(rowCounts(check)).toEqual({ read: 3, accepted: 3, rejected: 0 });
		expect(stored(sessions)).toEqual(iso);
	});
});

test('impossible dates are rejected with their row numbers and the reason', async () => {
	const dates = ['25/03/2026', '31/04/2026', '29/02/2026', '12/13/2026', '01/03/26', '46085', '2026-02-29T10:00'];
	const { check, sessions } = await importFile('visits.csv', bytesOf(file(dates)), wide({}));
	expect(check.dateFormat).toBe('DD/MM/YYYY');
	expect(rowCounts(check)).toEqual({ read: 7, accepted: 1, rejected: 6 });
	expect(problemRows(check)).toEqual([
		[3, 'Date', '"31/04/2026" is not a real date as DD/MM/YYYY: April 2026 has 30 days'],
		[4, 'Date', '"29/02/2026" is not a real date as DD/MM/YYYY: February 2026 has 28 days'],
		[5, 'Date', '"12/13/2026" is not a real date as DD/MM/YYYY: there is no month 13'],
		[6, 'Date', '"01/03/26" has a 2-digit year: write the year with 4 digits (e.g. 2026) in the export'],
		[7, 'Date', '"46085" looks like an Excel date serial number (2026-03-04): format the column as a date (YYYY-MM-DD) in Excel before exporting'],
		[8, 'Date', '"2026-02-29T10:00" is not a real date: February 2026 has 28 days']
	]);
	expect(stored(sessions)).toEqual(['2026-03-25']);
});

describe.each([
	['DD/MM/YYYY', '2026-04-03'],
	['MM/DD/YYYY', '2026-03-04']
] as [DateFormat, string][])('a date that could be either order, with %s chosen', (format, iso) => {
	test('is read in the chosen order', async () => {
		const { check, sessions } = await importFile('visits.csv', bytesOf(file(['03/04/2026'])), wide({ dateFormat: format }));
		expect(check.dateFormat).toBe(format);
		expect(stored(sessions)).toEqual([iso]);
	});
});

test('dates kept as months (the default) store the first of the month', async () => {
	const { sessions } = await importFile('visits.csv', bytesOf(file(['25/03/2026'])), wide({}), {
		import: { pseudonymiseClients: false, dates: 'month', droppedColumns: [] }
	});
	expect(stored(sessions)).toEqual(['2026-03-01']);
});

test('a column of months is read as months: stored as the first of the month, without days since the first visit', async () => {
	const text = lines([
		'Client,Date,Technique,Condition,Pain before,Pain after',
		'C1,2026-01,swedish,neck_pain,5,3',
		'C1,2026-03,swedish,neck_pain,4,3',
		'C2,2026-02-14,swedish,neck_pain,6,3'
	]);
	const { check, sessions } = await importFile('visits.csv', bytesOf(text), wide({}), { import: EXACT });
	expect(rowCounts(check)).toEqual({ read: 3, accepted: 3, rejected: 0 });
	expect(check.notes).toEqual([
		'2 visit dates hold a month only (such as 2025-03): kept as the first of the month and analysed by month, without days since the client’s first visit.'
	]);
	expect(sessions.map((s) => [s.client_id, s.session_date, s.session_number, s.day_offset])).toEqual([
		['C1', '2026-01-01', 1, null],
		['C1', '2026-03-01', 2, null],
		['C2', '2026-02-14', 1, 0]
	]);
});

