/** Cells that a spreadsheet would run as a formula (OWASP CSV injection): = + - @ tab or CR at the start. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell for CSV: formula starts neutralised with a leading quote, then quoted when needed. */
export function csvTextCell(value: string | null): string {
	if (value === null) return '';
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A number cell for CSV: written as is, never escaped (OWASP CSV injection: escape text columns only). */
export function csvNumberCell(value: number | null): string {
	return value === null ? '' : String(value);
}

/** Rows to CSV text with a header; each column says whether it holds text or numbers. */
export function toCsv(columns: readonly { name: string; numeric?: boolean }[], rows: readonly (string | number | null)[][]): string {
	const lines = [columns.map((c) => csvTextCell(c.name)).join(',')];
	for (const row of rows) {
		lines.push(columns.map((c, i) => (c.numeric ? csvNumberCell(row[i] as number | null) : csvTextCell(row[i] === null ? null : String(row[i])))).join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

/** The byte-order mark Excel needs to read a CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** CSV text as UTF-8 bytes, optionally starting with a byte-order mark for Excel. */
export function csvBytes(text: string, options: { bom: boolean }): Uint8Array {
	return new TextEncoder().encode(options.bom ? UTF8_BOM + text : text);
}
