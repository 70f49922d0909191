import type { DateFormat } from '../importFields';
import type { ParseError } from './number';

/** A date format with the day/month order decided. */
export type ConcreteDateFormat = Exclude<DateFormat, 'auto'>;

/** A time of day after the date (ISO "T10:15:00Z", "10:15", "3:05 pm", an offset): read past, never converted. */
const TIME = String.raw`(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;

const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
/** A month alone, year first: 2025-03 or 2025/03. */
const MONTH_ONLY = /^(\d{4})[-/](\d{1,2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`, 'i');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*(\p{L}+)\.?[\s.,/-]*(\d{4}|\d{2})${TIME}$`, 'iu');
const MONTH_NAME_DAY = new RegExp(String.raw`^(\p{L}+)\.?[\s./-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s./-]*(\d{4}|\d{2})${TIME}$`, 'iu');
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** Month names and abbreviations, English and French (accents folded). */
const MONTHS: Record<string, number> = {
	jan: 1, january: 1, janv: 1, janvier: 1,
	feb: 2, february: 2, fev: 2, fevr: 2, fevrier: 2,
	mar: 3, march: 3, mars: 3,
	apr: 4, april: 4, avr: 4, avril: 4,
	may: 5, mai: 5,
	jun: 6, june: 6, juin: 6,
	jul: 7, july: 7, juil: 7, juillet: 7,
	aug: 8, august: 8, aout: 8,
	sep: 9, sept: 9, september: 9, septembre: 9,
	oct: 10, october: 10, octobre: 10,
	nov: 11, november: 11, novembre: 11,
	dec: 12, december: 12, decembre: 12
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month and day as an ISO date, or the reason they are not a real date. */
function isoDate(text: string, year: number, month: number, day: number, readAs = ''): string | ParseError {
	if (year < 1900 || year > 2100) return { error: `"${text}" has the year ${year}: check the date` };
	if (month < 1 || month > 12) return { error: `"${text}" is not a real date${readAs}: there is no month ${month}` };
	const days = daysIn(year, month);
	if (day < 1 || day > days) {
		return { error: `"${text}" is not a real date${readAs}: ${MONTH_NAMES[month - 1]} ${year} has ${days} days` };
	}
	return `${year}-${pad(month)}-${pad(day)}`;
}

const twoDigitYear = (text: string): ParseError => ({
	error: `"${text}" has a 2-digit year: write the year with 4 digits (e.g. 2026) in the export`
});

/** An Excel date serial number (days since 1899-12-30) as the date it stands for, for the message. */
function excelSerialDate(serial: number): string {
	return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Day/month order of a numeric date written with the year last. */
function yearLastOrder(a: number, b: number, separator: string, format: DateFormat): 'dmy' | 'mdy' | null {
	if (format === 'DD/MM/YYYY' || format === 'DD.MM.YYYY') return 'dmy';
	if (format === 'MM/DD/YYYY') return 'mdy';
	if (format !== 'auto') return null;
	if (a > 12 && b <= 12) return 'dmy';
	if (b > 12 && a <= 12) return 'mdy';
	return separator === '.' ? 'dmy' : null;
}

function withMonthName(text: string, monthWord: string, day: string, year: string): string | ParseError | null {
	const month = MONTHS[fold(monthWord)];
	if (month === undefined) return null;
	if (year.length === 2) return twoDigitYear(text);
	return isoDate(text, Number(year), month, Number(day));
}

/**
 * A cell's date as ISO YYYY-MM-DD, or as YYYY-MM when the cell holds a month alone ("2025-03", "2025/03"), null when
 * blank. ISO dates and datetimes, YYYY/MM/DD and dates with a month
 * name ("4 Mar 2026", "March 4, 2026") are read whatever the format; the format decides the day/month order of
 * dates written with the year last. A time after the date is ignored, never converted to another time zone.
 */
export function parseDate(text: string, format: DateFormat): string | null | ParseError {
	const t = text.trim();
	if (t === '') return null;
	const month = MONTH_ONLY.exec(t);
	if (month) {
		const date = isoDate(t, Number(month[1]), Number(month[2]), 1);
		return typeof date === 'string' ? date.slice(0, 7) : date;
	}
	let m = ISO.exec(t) ?? YEAR_FIRST.exec(t);
	if (m) return isoDate(t, Number(m[1]), Number(m[2]), Number(m[3]));
	m = YEAR_LAST.exec(t);
	if (m) {
		if (m[4].length === 2) return twoDigitYear(t);
		const a = Number(m[1]);
		const b = Number(m[3]);
		const order = yearLastOrder(a, b, m[2], format);
		if (order === null && format === 'auto') {
			return { error: `"${t}" could be day/month or month/day: choose DD/MM/YYYY or MM/DD/YYYY as the date format` };
		}
		if (order === null) return { error: `"${t}" is not written as ${format}: choose the date format the file uses` };
		const readAs = format === 'auto' ? '' : ` as ${format}`;
		return order === 'dmy' ? isoDate(t, Number(m[4]), b, a, readAs) : isoDate(t, Number(m[4]), a, b, readAs);
	}
	const named = t.replace(WEEKDAY, '');
	m = DAY_MONTH_NAME.exec(named);
	const byDayFirst = m ? withMonthName(t, m[2], m[1], m[3]) : null;
	if (byDayFirst !== null) return byDayFirst;
	m = MONTH_NAME_DAY.exec(named);
	const byMonthFirst = m ? withMonthName(t, m[1], m[2], m[3]) : null;
	if (byMonthFirst !== null) return byMonthFirst;
	if (/^\d+(?:\.\d+)?$/.test(t) && Number(t) >= 1 && Number(t) < 100_000) {
		return {
			error: `"${t}" looks like an Excel date serial number (${excelSerialDate(Number(t))}): format the column as a date (YYYY-MM-DD) in Excel before exporting`
		};
	}
	return { error: `"${t}" is not a date: write dates as YYYY-MM-DD` };
}

/** What a column's values say about the date format. */
interface DateEvidence {
	isoDash: number;
	yearFirstSlash: number;
	yearLastDot: number;
	yearLastOther: number;
	dayFirst: number;
	monthFirst: number;
	undecided: number;
}

function dateEvidence(values: string[]): DateEvidence {
	const e: DateEvidence = { isoDash: 0, yearFirstSlash: 0, yearLastDot: 0, yearLastOther: 0, dayFirst: 0, monthFirst: 0, undecided: 0 };
	for (const value of values) {
		const t = value.trim();
		if (ISO.test(t)) e.isoDash++;
		else if (YEAR_FIRST.test(t)) e.yearFirstSlash++;
		else {
			const m = YEAR_LAST.exec(t);
			if (!m) continue;
			if (m[2] === '.') e.yearLastDot++;
			else e.yearLastOther++;
			const a = Number(m[1]);
			const b = Number(m[3]);
			if (a > 12 && b <= 12) e.dayFirst++;
			else if (b > 12 && a <= 12) e.monthFirst++;
			else e.undecided++;
		}
	}
	return e;
}

/**
 * The date format of a column, from all its values: the day/month order comes from the dates whose first or
 * second part is over 12 (the majority when they disagree; day first, the Canadian and European order, when none
 * tells). Without dates written year last, YYYY/MM/DD or, by default, YYYY-MM-DD.
 */
export function detectDateFormat(values: string[]): ConcreteDateFormat {
	const e = dateEvidence(values);
	if (e.yearLastDot + e.yearLastOther === 0) return e.yearFirstSlash > e.isoDash ? 'YYYY/MM/DD' : 'YYYY-MM-DD';
	if (e.monthFirst > e.dayFirst) return 'MM/DD/YYYY';
	return e.yearLastDot > e.yearLastOther ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
}

/** True when a column has day/month dates but none (or conflicting ones) show the order: ask the person. */
export function isDayMonthOrderGuessed(values: string[]): boolean {
	const e = dateEvidence(values);
	if (e.yearLastDot + e.yearLastOther === 0) return false;
	return (e.dayFirst === 0 && e.monthFirst === 0) || (e.dayFirst > 0 && e.monthFirst > 0);
}

/** The month of an ISO date, "YYYY-MM" (the charts use months only). */
export function monthOf(iso: string): string {
	if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) throw new Error(`monthOf: not an ISO date: ${iso}`);
	return iso.slice(0, 7);
}
