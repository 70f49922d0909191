import type { TextTable } from '$lib/ingest/textTable';

/**
 * RFC 4180 CSV as a TextTable, for tests only (the app reads CSV with DuckDB): comma-separated, fields in double
 * quotes may hold commas, quotes ("") and line breaks, lines end in CRLF or LF. An empty cell is null. A
 * byte-order mark is kept, as a reader that does not strip it would.
 */
export function parseCsv(text: string, source = 'test.csv'): TextTable {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const endField = () => {
		record.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		records.push(record);
		record = [];
	};
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field.replace(/^\uFEFF/, '') === '') quoted = true;
		else if (ch === ',') endField();
		else if (ch === '\r' && text[i + 1] === '\n') {
			endRecord();
			i++;
		} else if (ch === '\n') endRecord();
		else field += ch;
		i++;
	}
	if (field !== '' || record.length > 0) endRecord();
	const [headers = [], ...rows] = records;
	return { source, headers, rows: rows.map((r) => headers.map((_, c) => (r[c] === undefined || r[c] === '' ? null : r[c]))) };
}
