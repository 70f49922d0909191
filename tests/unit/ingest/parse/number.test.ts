import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumber } from '$lib/ingest/parse/number';

describe('parseNumber', () => {
	it('reads plain numbers in every mode', () => {
		for (const mark of ['auto', 'point', 'comma'] as const) {
			expect([parseNumber('4', mark), parseNumber('-2', mark), parseNumber('  7 ', mark), parseNumber('+2', mark), parseNumber('\u22123', mark)]).toEqual([4, -2, 7, 2, -3]);
		}
	});

	it('gives null for a blank cell', () => {
		expect([parseNumber('', 'auto'), parseNumber('   ', 'point'), parseNumber('\t', 'comma')]).toEqual([null, null, null]);
	});

	it('reads a decimal point in point and auto mode', () => {
		expect([parseNumber('4.5', 'point'), parseNumber('4.5', 'auto'), parseNumber('.5', 'point'), parseNumber('-0.25', 'auto')]).toEqual([4.5, 4.5, 0.5, -0.25]);
	});

	it('reads a decimal comma in comma and auto mode', () => {
		expect([parseNumber('4,5', 'comma'), parseNumber('4,5', 'auto'), parseNumber(' 7,25 ', 'auto')]).toEqual([4.5, 4.5, 7.25]);
	});

	it('reads thousands grouped by the other mark', () => {
		expect(parseNumber('1 234,5', 'comma')).toBe(1234.5);
		expect(parseNumber('1.234,5', 'comma')).toBe(1234.5);
		expect(parseNumber('1\u00a0234,5', 'comma')).toBe(1234.5);
		expect(parseNumber('1.234', 'comma')).toBe(1234);
		expect(parseNumber('1,234.5', 'point')).toBe(1234.5);
		expect(parseNumber('1,234,567', 'point')).toBe(1234567);
		expect(parseNumber('1,234', 'point')).toBe(1234);
		expect(parseNumber('1,234.5', 'auto')).toBe(1234.5);
		expect(parseNumber('1.234,5', 'auto')).toBe(1234.5);
		expect(parseNumber('1 234,5', 'auto')).toBe(1234.5);
	});

	it('in auto mode, reads a lone comma as a decimal comma', () => {
		expect(parseNumber('1,234', 'auto')).toBe(1.234);
	});

	it('rejects what is not a number, saying why', () => {
		expect(parseNumber('4/10', 'auto')).toEqual({ error: '"4/10" is not a number: write the score alone (4, not 4/10)' });
		expect(parseNumber('seven', 'auto')).toEqual({ error: '"seven" is not a number' });
		expect(parseNumber('4.5.6', 'auto')).toEqual({ error: '"4.5.6" is not a number' });
		expect(parseNumber('NaN', 'point')).toEqual({ error: '"NaN" is not a number' });
		expect(parseNumber('Infinity', 'point')).toEqual({ error: '"Infinity" is not a number' });
		expect(parseNumber('-Infinity', 'auto')).toEqual({ error: '"-Infinity" is not a number' });
		expect(parseNumber('1e3', 'auto')).toEqual({ error: '"1e3" is not a number' });
		expect(parseNumber('30%', 'auto')).toEqual({ error: '"30%" is not a number' });
		expect(parseNumber('1,23,4', 'point')).toEqual({ error: '"1,23,4" is not a number' });
		expect(parseNumber('-', 'auto')).toEqual({ error: '"-" is not a number' });
	});

	it('says when the decimal mark setting does not fit the value', () => {
		expect(parseNumber('4,5', 'point')).toEqual({
			error: '"4,5" is not a number with a decimal point: set the decimal mark to comma if the file uses decimal commas'
		});
		expect(parseNumber('4.5', 'comma')).toEqual({
			error: '"4.5" is not a number with a decimal comma: set the decimal mark to point if the file uses decimal points'
		});
	});
});

describe('detectDecimalMark', () => {
	it('finds decimal commas', () => {
		expect(detectDecimalMark(['4,5', '3', '7,25', ''])).toBe('comma');
		expect(detectDecimalMark(['1.234,5', '12'])).toBe('comma');
		expect(detectDecimalMark(['1.234.567'])).toBe('comma');
	});

	it('finds decimal points', () => {
		expect(detectDecimalMark(['4.5', '3', '1,234'])).toBe('point');
		expect(detectDecimalMark(['1,234.5'])).toBe('point');
		expect(detectDecimalMark(['1,234,567'])).toBe('point');
	});

	it('chooses point when nothing tells (whole numbers, or only "1,234" that could be either)', () => {
		expect(detectDecimalMark(['4', '7', ''])).toBe('point');
		expect(detectDecimalMark(['1,234', '2,500'])).toBe('point');
		expect(detectDecimalMark([])).toBe('point');
	});

	it('goes with the majority when values disagree', () => {
		expect(detectDecimalMark(['4,5', '6,5', '7.5'])).toBe('comma');
		expect(detectDecimalMark(['4,5', '6.5', '7.5'])).toBe('point');
	});
});
