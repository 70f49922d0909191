import type { DecimalMark } from '../importFields';

/** A cell that is not a number, with the reason a person can act on. */
export interface ParseError {
	error: string;
}

/** How one number is written: the decimal mark and the marks that may group thousands. */
interface NumberStyle {
	decimal: '.' | ',';
	groups: string;
}

const POINT: NumberStyle = { decimal: '.', groups: ', \u00a0\u202f' };
const COMMA: NumberStyle = { decimal: ',', groups: '. \u00a0\u202f' };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Digits with an optional sign, thousands grouped by one mark used throughout, and an optional fraction. */
function matches(text: string, style: NumberStyle): number | null {
	const d = escapeRegExp(style.decimal);
	const whole = `(?:\\d+|\\d{1,3}(?:([${escapeRegExp(style.groups)}])\\d{3})(?:\\1\\d{3})*)`;
	const pattern = new RegExp(`^[+-]?(?:${whole}(?:${d}\\d+)?|${d}\\d+)$`);
	if (!pattern.test(text)) return null;
	const plain = [...text].filter((c) => !style.groups.includes(c)).join('').replace(style.decimal, '.');
	return Number(plain);
}

/** In 'auto', a lone comma is a decimal comma ("4,5"); with both marks, the last one is the decimal mark. */
function autoStyle(text: string): NumberStyle {
	const comma = text.lastIndexOf(',');
	const point = text.lastIndexOf('.');
	if (comma >= 0 && point >= 0) return comma > point ? COMMA : POINT;
	if (comma >= 0) return text.indexOf(',') === comma ? COMMA : POINT;
	return POINT;
}

function reason(raw: string, text: string, mark: DecimalMark): string {
	const base = `"${raw}" is not a number`;
	if (/^\d+(?:[.,]\d+)?\s*\/\s*\d+$/.test(text)) return `${base}: write the score alone (${text.split('/')[0].trim()}, not ${text})`;
	if (mark === 'point' && matches(text, COMMA) !== null) return `${base} with a decimal point: set the decimal mark to comma if the file uses decimal commas`;
	if (mark === 'comma' && matches(text, POINT) !== null) return `${base} with a decimal comma: set the decimal mark to point if the file uses decimal points`;
	return base;
}

/**
 * A cell's text as a number, or null when blank. Spaces around it, a leading + or − and thousands grouped by
 * the mark that is not the decimal mark ("1,234.5" with a point, "1 234,5" or "1.234,5" with a comma) are fine.
 */
export function parseNumber(text: string, mark: DecimalMark): number | null | ParseError {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const normalised = trimmed.replace(/^\u2212/, '-');
	const style = mark === 'point' ? POINT : mark === 'comma' ? COMMA : autoStyle(normalised);
	const value = matches(normalised, style);
	if (value === null || !Number.isFinite(value)) return { error: reason(trimmed, normalised, mark) };
	return value;
}

/** What a value says about the decimal mark: only unambiguous writings count ("4,5" yes, "1,234" no). */
function evidence(value: string): 'point' | 'comma' | null {
	const v = value.trim();
	const comma = v.lastIndexOf(',');
	const point = v.lastIndexOf('.');
	if (comma >= 0 && point >= 0) return comma > point ? 'comma' : 'point';
	const mark = comma >= 0 ? ',' : point >= 0 ? '.' : null;
	if (mark === null) return null;
	const parts = v.split(mark);
	if (parts.length > 2) return parts.slice(1).every((p) => /^\d{3}$/.test(p)) ? (mark === ',' ? 'point' : 'comma') : null;
	if (!/^\s*[+-]?\d*$/.test(parts[0]) || !/^\d+$/.test(parts[1])) return null;
	if (parts[1].length === 3 && parts[0].replace(/[+-]/, '').length > 0) return null;
	return mark === ',' ? 'comma' : 'point';
}

/** The decimal mark a column's values use: comma when more values show a decimal comma than a point. */
export function detectDecimalMark(values: string[]): 'point' | 'comma' {
	let comma = 0;
	let point = 0;
	for (const value of values) {
		const found = evidence(value);
		if (found === 'comma') comma++;
		if (found === 'point') point++;
	}
	return comma > point ? 'comma' : 'point';
}
