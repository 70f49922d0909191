/**
 * Parquet's typed values as cell text, exactly: a DECIMAL from its unscaled integer, a DATE from its day count,
 * a TIMESTAMP or TIME from its integer count of units. Going through a JS number or Date would round them.
 */

function pad(value: bigint | number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** Whole units and the fraction left over, the fraction never negative (so times before 1970 come out right). */
function split(value: bigint, perSecond: bigint): [seconds: bigint, fraction: bigint] {
	let seconds = value / perSecond;
	let fraction = value % perSecond;
	if (fraction < 0n) {
		fraction += perSecond;
		seconds -= 1n;
	}
	return [seconds, fraction];
}

/** ".5", ".000123" and so on, or nothing for a whole second. */
function fractionText(fraction: bigint, perSecond: bigint): string {
	if (fraction === 0n) return '';
	return '.' + pad(fraction, String(perSecond).length - 1).replace(/0+$/, '');
}

/** The calendar day a count of days since 1970-01-01 falls on, as YYYY-MM-DD. */
export function dayText(days: number | bigint): string {
	const date = new Date(Number(days) * 86_400_000);
	if (Number.isNaN(date.getTime())) return String(days);
	const year = date.getUTCFullYear();
	const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
	return `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A time of day from units since midnight, as HH:MM:SS with a fraction only when there is one. */
export function timeText(value: number | bigint, perSecond: bigint): string {
	const [seconds, fraction] = split(BigInt(value), perSecond);
	return `${pad(seconds / 3600n)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}${fractionText(fraction, perSecond)}`;
}

/** An instant from units since 1970-01-01 00:00 UTC, as YYYY-MM-DD HH:MM:SS, always with its time. */
export function instantText(value: number | bigint, perSecond: bigint): string {
	const [seconds, fraction] = split(BigInt(value), perSecond);
	const [days, secondOfDay] = split(seconds, 86_400n);
	return `${dayText(days)} ${timeText(secondOfDay * perSecond + fraction, perSecond)}`;
}

/** The unscaled integer of a DECIMAL as stored: INT32, INT64 or big-endian two's-complement bytes. */
export function unscaledDecimal(stored: number | bigint | Uint8Array): bigint {
	if (!(stored instanceof Uint8Array)) return BigInt(stored);
	let value = 0n;
	for (const byte of stored) value = (value << 8n) | BigInt(byte);
	if (stored.length > 0 && stored[0] & 0x80) value -= 1n << BigInt(stored.length * 8);
	return value;
}

/** A DECIMAL as its own text, every digit of its scale kept: 8550 at scale 2 → "85.50". */
export function decimalText(unscaled: bigint, scale: number): string {
	const sign = unscaled < 0n ? '-' : '';
	const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
	if (scale <= 0) return sign + digits + '0'.repeat(-scale);
	const padded = digits.padStart(scale + 1, '0');
	return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
