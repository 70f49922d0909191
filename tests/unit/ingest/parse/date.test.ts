import { describe, expect, it } from 'vitest';
import { detectDateFormat, isDayMonthOrderGuessed, monthOf, parseDate } from '$lib/ingest/parse/date';

describe('parseDate', () => {
	it('reads ISO dates and datetimes in every format', () => {
		for (const format of ['auto', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const) {
			expect(
				['2026-03-04', ' 2026-3-4 ', '2026-03-04T10:15:00Z', '2026-03-04T10:15:00.000-05:00', '2026-03-04 10:15', '2026/03/04', '2026/3/4'].map((t) =>
					parseDate(t, format)
				)
			).toEqual(Array(7).fill('2026-03-04'));
		}
	});

	it('keeps the date as written, never shifting a time zone', () => {
		expect(parseDate('2026-03-04T23:30:00-05:00', 'auto')).toBe('2026-03-04');
		expect(parseDate('2026-03-04T00:30:00+09:00', 'auto')).toBe('2026-03-04');
	});

	it('reads a month alone, year first, as YYYY-MM, and refuses a month that is none', () => {
		for (const format of ['auto', 'YYYY-MM-DD', 'DD/MM/YYYY'] as const) {
			expect(parseDate('2025-03', format)).toBe('2025-03');
			expect(parseDate('2025/3', format)).toBe('2025-03');
		}
		expect(parseDate('2025-13', 'auto')).toEqual({ error: '"2025-13" is not a real date: there is no month 13' });
		expect(parseDate('1850-01', 'auto')).toEqual({ error: '"1850-01" has the year 1850: check the date' });
	});

	it('gives null for a blank cell', () => {
		expect([parseDate('', 'auto'), parseDate('  ', 'DD/MM/YYYY')]).toEqual([null, null]);
	});

	it('reads day first with DD/MM/YYYY and DD.MM.YYYY', () => {
		for (const format of ['DD/MM/YYYY', 'DD.MM.YYYY'] as const) {
			expect(['04/03/2026', '4/3/2026', '04.03.2026', '4-3-2026', '04/03/2026 10:15', '4/3/2026 3:05 PM'].map((t) => parseDate(t, format))).toEqual(
				Array(6).fill('2026-03-04')
			);
		}
	});

	it('reads month first with MM/DD/YYYY', () => {
		expect(['03/04/2026', '3/4/2026', '3-4-2026', '03/04/2026 10:15'].map((t) => parseDate(t, 'MM/DD/YYYY'))).toEqual(Array(4).fill('2026-03-04'));
		expect(parseDate('12/31/2025', 'MM/DD/YYYY')).toBe('2025-12-31');
	});

	it('reads dates with month names whatever the format', () => {
		const texts = ['4 Mar 2026', '4 March 2026', '04-Mar-2026', '4th March 2026', 'March 4, 2026', 'Mar 4 2026', 'Mar. 4, 2026', 'Wed, 4 Mar 2026', 'mars 4 2026', '4 mars 2026'];
		for (const format of ['auto', 'YYYY-MM-DD', 'MM/DD/YYYY'] as const) {
			expect(texts.map((t) => parseDate(t, format))).toEqual(Array(texts.length).fill('2026-03-04'));
		}
		expect(parseDate('1 févr. 2026', 'auto')).toBe('2026-02-01');
		expect(parseDate('Sept 30, 2025', 'auto')).toBe('2025-09-30');
	});

	it("in 'auto', reads the order when a part is over 12 and asks when it cannot tell", () => {
		expect(parseDate('13/03/2026', 'auto')).toBe('2026-03-13');
		expect(parseDate('03/13/2026', 'auto')).toBe('2026-03-13');
		expect(parseDate('04.03.2026', 'auto')).toBe('2026-03-04');
		expect(parseDate('04/03/2026', 'auto')).toEqual({
			error: '"04/03/2026" could be day/month or month/day: choose DD/MM/YYYY or MM/DD/YYYY as the date format'
		});
	});

	it('rejects impossible dates', () => {
		expect(parseDate('2026-02-30', 'auto')).toEqual({ error: '"2026-02-30" is not a real date: February 2026 has 28 days' });
		expect(parseDate('2024-02-29', 'auto')).toBe('2024-02-29');
		expect(parseDate('2026-13-01', 'auto')).toEqual({ error: '"2026-13-01" is not a real date: there is no month 13' });
		expect(parseDate('31/04/2026', 'DD/MM/YYYY')).toEqual({ error: '"31/04/2026" is not a real date as DD/MM/YYYY: April 2026 has 30 days' });
		expect(parseDate('13/03/2026', 'MM/DD/YYYY')).toEqual({ error: '"13/03/2026" is not a real date as MM/DD/YYYY: there is no month 13' });
		expect(parseDate('30 Feb 2026', 'auto')).toEqual({ error: '"30 Feb 2026" is not a real date: February 2026 has 28 days' });
		expect(parseDate('0026-03-04', 'auto')).toEqual({ error: '"0026-03-04" has the year 26: check the date' });
	});

	it('rejects 2-digit years, saying to write 4 digits', () => {
		const error = (t: string) => ({ error: `"${t}" has a 2-digit year: write the year with 4 digits (e.g. 2026) in the export` });
		expect(parseDate('04/03/26', 'DD/MM/YYYY')).toEqual(error('04/03/26'));
		expect(parseDate('3/4/26', 'auto')).toEqual(error('3/4/26'));
		expect(parseDate('4 Mar 26', 'auto')).toEqual(error('4 Mar 26'));
	});

	it('rejects Excel serial numbers, saying what they stand for and what to do', () => {
		expect(parseDate('46085', 'auto')).toEqual({
			error: '"46085" looks like an Excel date serial number (2026-03-04): format the column as a date (YYYY-MM-DD) in Excel before exporting'
		});
		expect(parseDate('46085.4375', 'YYYY-MM-DD')).toEqual({
			error: '"46085.4375" looks like an Excel date serial number (2026-03-04): format the column as a date (YYYY-MM-DD) in Excel before exporting'
		});
	});

	it('rejects a year-last date when the format is year first, and text that is no date', () => {
		expect(parseDate('04/03/2026', 'YYYY-MM-DD')).toEqual({ error: '"04/03/2026" is not written as YYYY-MM-DD: choose the date format the file uses' });
		expect(parseDate('soon', 'auto')).toEqual({ error: '"soon" is not a date: write dates as YYYY-MM-DD' });
		expect(parseDate('4 Foo 2026', 'auto')).toEqual({ error: '"4 Foo 2026" is not a date: write dates as YYYY-MM-DD' });
		expect(parseDate('20260304', 'auto')).toEqual({ error: '"20260304" is not a date: write dates as YYYY-MM-DD' });
	});
});

describe('detectDateFormat', () => {
	it('falls back to ISO without day/month dates', () => {
		expect(detectDateFormat([])).toBe('YYYY-MM-DD');
		expect(detectDateFormat(['2026-03-04', '', '2026-03-05T10:00:00Z', '4 Mar 2026'])).toBe('YYYY-MM-DD');
		expect(detectDateFormat(['2026/03/04', '2026/03/05'])).toBe('YYYY/MM/DD');
	});

	it('reads the day/month order from other rows when the first is ambiguous', () => {
		expect(detectDateFormat(['04/03/2026', '05/03/2026', '13/03/2026'])).toBe('DD/MM/YYYY');
		expect(detectDateFormat(['03/04/2026', '03/05/2026', '03/13/2026'])).toBe('MM/DD/YYYY');
		expect(detectDateFormat(['4/3/2026', '12/25/2025'])).toBe('MM/DD/YYYY');
		expect(detectDateFormat(['04.03.2026', '13.03.2026'])).toBe('DD.MM.YYYY');
	});

	it('goes with the majority when rows disagree, and with day first when none tells', () => {
		expect(detectDateFormat(['13/03/2026', '14/03/2026', '03/15/2026'])).toBe('DD/MM/YYYY');
		expect(detectDateFormat(['13/03/2026', '03/14/2026', '03/15/2026'])).toBe('MM/DD/YYYY');
		expect(detectDateFormat(['04/03/2026', '05/03/2026'])).toBe('DD/MM/YYYY');
	});

	it('says when the order was guessed', () => {
		expect(isDayMonthOrderGuessed(['04/03/2026', '05/03/2026'])).toBe(true);
		expect(isDayMonthOrderGuessed(['13/03/2026', '03/14/2026'])).toBe(true);
		expect(isDayMonthOrderGuessed(['04/03/2026', '13/03/2026'])).toBe(false);
		expect(isDayMonthOrderGuessed(['2026-03-04'])).toBe(false);
	});

	it('gives a format parseDate reads every row with', () => {
		const values = ['04/03/2026', '05/03/2026', '13/03/2026'];
		const format = detectDateFormat(values);
		expect(values.map((v) => parseDate(v, format))).toEqual(['2026-03-04', '2026-03-05', '2026-03-13']);
	});
});

describe('monthOf', () => {
	it('gives the month of an ISO date', () => {
		expect(monthOf('2026-03-04')).toBe('2026-03');
		expect(() => monthOf('04/03/2026')).toThrow('monthOf: not an ISO date: 04/03/2026');
	});
});
