/**
 * One value from a Parquet, JSON or Excel file as the text a TextTable holds, the same way for every reader, so a
 * number, date or flag reads alike whichever format it came in.
 */

const utf8 = new TextDecoder();

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** A date as YYYY-MM-DD, and with its time (UTC) as YYYY-MM-DD HH:MM:SS[.mmm] when it is not midnight. */
export function dateText(date: Date): string | null {
	if (Number.isNaN(date.getTime())) return null;
	const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	const [hours, minutes, seconds, millis] = [
		date.getUTCHours(),
		date.getUTCMinutes(),
		date.getUTCSeconds(),
		date.getUTCMilliseconds()
	];
	if (hours === 0 && minutes === 0 && seconds === 0 && millis === 0) return day;
	const time = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
	return millis === 0 ? `${day} ${time}` : `${day} ${time}.${pad(millis, 3)}`;
}

/** Nested values as JSON text: big integers as digits, dates as cell text, bytes as UTF-8 text. */
function jsonText(value: object): string {
	return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
		const original = this[key];
		if (original instanceof Date) return dateText(original);
		if (original instanceof Uint8Array) return utf8.decode(original);
		if (typeof encoded === 'bigint') return Number.isSafeInteger(Number(encoded)) ? Number(encoded) : String(encoded);
		return encoded;
	});
}

/**
 * A value as cell text: null stays null; a string as is; a number as the shortest text that reads back to it
 * (4.5 → "4.5", 7 → "7"; exponents only below 1e-6 or from 1e21 up); a bigint in digits; a flag as "true" or
 * "false"; a date as dateText gives it; bytes as UTF-8 text; anything nested as JSON text.
 */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'string':
			return value;
		case 'number':
			return String(value);
		case 'bigint':
			return value.toString();
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object':
			if (value instanceof Date) return dateText(value);
			if (value instanceof Uint8Array) return utf8.decode(value);
			return jsonText(value);
		default:
			return String(value);
	}
}
