/**
 * A file's contents as text: one header row and rows of cells, a blank cell as null. Every reader (CSV through
 * DuckDB, Parquet, JSON, Excel) and every adapter (REDCap, FHIR) gives one of these to the import.
 */
export interface TextTable {
	/** Where it came from, for messages: a file name such as "visits.csv". */
	source: string;
	headers: string[];
	rows: (string | null)[][];
	/** Longer labels for some headers (REDCap field labels), used to suggest a mapping. */
	headerLabels?: Record<string, string>;
	/** The name of a shipped mapping preset that fits this table ("REDCap", "FHIR"), when an adapter made it. */
	preset?: string;
	/** Headers a source itself marks as identifying (REDCap's "Identifier?" column), with the reason. */
	flaggedIdentifiers?: Record<string, string>;
	/** What an adapter did that the person importing should know (e.g. "3 checkbox fields joined"). */
	notes?: string[];
}

function csvCell(cell: string | null): string {
	if (cell === null) return '';
	return /[",\r\n]/.test(cell) || cell === '' || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * The table as RFC 4180 CSV text (comma, double quotes, CRLF), so every format reaches DuckDB through its CSV
 * reader. A blank cell is written empty and an empty string as "", so the two stay apart.
 */
export function textTableToCsv(table: Pick<TextTable, 'headers' | 'rows'>): string {
	const lines = [table.headers.map(csvCell).join(',')];
	for (const row of table.rows) lines.push(table.headers.map((_, i) => csvCell(row[i] ?? null)).join(','));
	return lines.join('\r\n') + '\r\n';
}
