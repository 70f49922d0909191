import { describe, expect, it } from 'vitest';
import { cellText } from '$lib/ingest/readers';
import { dayText, decimalText, instantText, timeText, unscaledDecimal } from '$lib/ingest/readers/parquetValues';

describe('cell text, the same for every reader', () => {
	it('keeps blanks blank and strings as they are', () => {
		expect(cellText(null)).toBeNull();
		expect(cellText(undefined)).toBeNull();
		expect(cellText('')).toBe('');
		expect(cellText(' Deep tissue ')).toBe(' Deep tissue ');
	});

	it('writes numbers as the shortest text that reads back to them, without an exponent', () => {
		expect(cellText(4.5)).toBe('4.5');
		expect(cellText(7)).toBe('7');
		expect(cellText(-0)).toBe('0');
		expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(cellText(3.3)).toBe('3.3');
		expect(cellText(123456789.125)).toBe('123456789.125');
		expect(cellText(0.000125)).toBe('0.000125');
		expect(cellText(9007199254740993n)).toBe('9007199254740993');
	});

	it('writes flags as true and false', () => {
		expect(cellText(true)).toBe('true');
		expect(cellText(false)).toBe('false');
	});

	it('writes a date alone at midnight UTC, and with its time otherwise', () => {
		expect(cellText(new Date('2025-03-03T00:00:00Z'))).toBe('2025-03-03');
		expect(cellText(new Date('2025-03-03T09:30:00Z'))).toBe('2025-03-03 09:30:00');
		expect(cellText(new Date('2025-03-03T00:00:01Z'))).toBe('2025-03-03 00:00:01');
		expect(cellText(new Date('2025-03-03T09:30:00.250Z'))).toBe('2025-03-03 09:30:00.250');
		expect(cellText(new Date(Number.NaN))).toBeNull();
	});

	it('writes anything nested as JSON text, with big integers, dates and bytes readable', () => {
		expect(cellText({ instrument: 'NPRS', pre: 6.5 })).toBe('{"instrument":"NPRS","pre":6.5}');
		expect(cellText(['swedish', 2])).toBe('["swedish",2]');
		expect(cellText({ n: 7n, big: 2n ** 60n, on: new Date('2025-03-03T00:00:00Z') })).toBe(
			'{"n":7,"big":"1152921504606846976","on":"2025-03-03"}'
		);
		expect(cellText(new TextEncoder().encode('C0001'))).toBe('C0001');
	});
});

describe('Parquet values as exact text', () => {
	it('a DECIMAL keeps every digit of its scale', () => {
		expect(decimalText(8550n, 2)).toBe('85.50');
		expect(decimalText(5n, 2)).toBe('0.05');
		expect(decimalText(-5n, 2)).toBe('-0.05');
		expect(decimalText(0n, 1)).toBe('0.0');
		expect(decimalText(45n, 0)).toBe('45');
		expect(decimalText(-123456789012345678901234567890n, 10)).toBe('-12345678901234567890.1234567890');
	});

	it('reads a DECIMAL stored as big-endian two\'s-complement bytes', () => {
		expect(unscaledDecimal(new Uint8Array([0x00, 0x25, 0x1c]))).toBe(9500n);
		expect(unscaledDecimal(new Uint8Array([0xff, 0xff, 0xfb]))).toBe(-5n);
		expect(unscaledDecimal(new Uint8Array([]))).toBe(0n);
		expect(unscaledDecimal(-42)).toBe(-42n);
	});

	it('dates, timestamps and times from their integer counts', () => {
		expect(dayText(20150)).toBe('2025-03-03');
		expect(dayText(-1)).toBe('1969-12-31');
		expect(instantText(1741001400000000n, 1_000_000n)).toBe('2025-03-03 11:30:00');
		expect(instantText(1741001400123456789n, 1_000_000_000n)).toBe('2025-03-03 11:30:00.123456789');
		expect(instantText(-1n, 1_000n)).toBe('1969-12-31 23:59:59.999');
		expect(instantText(1740960000000n, 1_000n)).toBe('2025-03-03 00:00:00');
		expect(timeText(34_200_000_000n, 1_000_000n)).toBe('09:30:00');
		expect(timeText(34_200_500, 1_000n)).toBe('09:30:00.5');
	});
});
