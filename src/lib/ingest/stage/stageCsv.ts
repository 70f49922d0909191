import type { Connector } from '$lib/db/connector';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { ImportFileError } from '../importFileError';
import { decodeText, encodeUtf8, type TextEncodingChoice } from '../parse/encoding';
import type { TextTable } from '../textTable';
import { textTableToCsv } from '../textTable';
import { blankLineRows } from './blankLines';
import { detectDelimiter, type Delimiter } from './delimiter';
import { headerCells } from './headerCells';
import { plainCsvText } from './plainText';
import { gunzip, isGzip } from '$lib/compression/gzip';
import { RAW_TABLE, type StagedFile, type UnreadableRow } from './stagedFile';

export interface CsvOptions {
	encoding?: TextEncodingChoice;
	delimiter?: Delimiter | 'auto';
}

const FILE_NAME = 'import-upload.csv';
/** The widest file read: DuckDB's reading and profiling time grows faster than the columns (10,000 took minutes). */
export const MAX_COLUMNS = 2000;
/** The longest header line read: 2,000 long column names fit many times over; a longer one is not a header. */
const MAX_HEADER_CHARS = 1_000_000;
/** DuckDB's own longest row, in bytes, unless told otherwise. */
const DUCKDB_MAX_LINE = 2_097_152;
const REJECTS = 'import_unreadable';

/**
 * Reads CSV/TSV bytes (gzipped or not, UTF-8 with or without BOM, Windows-1252, UTF-16) into RAW_TABLE with
 * DuckDB's own CSV reader: every cell as text, quotes and newlines in fields as RFC 4180 says, and each row's
 * number as a spreadsheet shows it (the header is row 1). Rows the reader cannot split are kept aside with
 * their line, so every row read is either staged or reported.
 */
export async function stageCsv(db: Connector, bytes: Uint8Array, source: string, options: CsvOptions = {}): Promise<StagedFile> {
	const unpacked = isGzip(bytes) ? await gunzipOrExplain(bytes, source) : bytes;
	const decoded = decodeText(unpacked, options.encoding ?? 'auto');
	if (decoded.text.trim() === '') {
		throw new ImportFileError(source, 'the file is empty. Export the data again, with a header row and at least one row of data.');
	}
	const plain = plainCsvText(decoded.text, source);
	// Empty lines before the header would be taken for it: DuckDB reads from the header, numbers stay the file's.
	const leading = /^[\r\n]*/.exec(plain.text)![0];
	const text = plain.text.slice(leading.length);
	const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;
	// Bytes that are not UTF-8 (a Windows-1252 file read as UTF-8 by choice) reach DuckDB as the text shown, with �.
	const asIs = decoded.encoding === 'utf-8' && !decoded.hadBom && plain.text === decoded.text && !text.includes('\ufffd');
	const utf8 = asIs ? unpacked.subarray(leading.length) : encodeUtf8(text);
	await db.registerFile(FILE_NAME, utf8);
	try {
		const emptyLinesBefore = leading.match(/\r\n|\r|\n/g)?.length ?? 0;
		const staged = await readIntoRaw(db, source, text, utf8.length, delimiter, blankLineRows(text, delimiter), emptyLinesBefore);
		return { ...staged, encoding: decoded.encoding, delimiter, notes: [...plain.notes, ...staged.notes] };
	} finally {
		await db.dropFile(FILE_NAME);
	}
}

async function gunzipOrExplain(bytes: Uint8Array, source: string): Promise<Uint8Array> {
	try {
		return await gunzip(bytes);
	} catch (cause) {
		throw new ImportFileError(source, 'the file looks gzipped but could not be unpacked; it may be cut short. Download or copy it again.', {
			cause
		});
	}
}

/**
 * Why a row could not be read, in words that say what to do. An unclosed quote swallows every line after it, so
 * those lines are counted and the shown text is cut to the row's own first line.
 */
function explainUnreadable(u: UnreadableRow): Pick<UnreadableRow, 'reason' | 'text'> {
	if (/unterminated quote/i.test(u.reason)) {
		const lines = u.text.split(/\r\n|\r|\n/).filter((l) => l !== '');
		const after = lines.length - 1;
		return {
			reason:
				`a quote (") opened in this row is never closed` +
				(after > 0 ? `, so the ${after} line${after === 1 ? '' : 's'} after it could not be read either` : '') +
				`; close or remove the quote and import the file again`,
			text: lines[0] ?? ''
		};
	}
	const columns = /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(u.reason);
	if (columns) {
		const [expected, found] = [Number(columns[1]), Number(columns[2])];
		const advice = found > expected ? 'a cell that holds the delimiter needs quotes around it' : 'check the delimiter and the quotes in this row';
		return { reason: `this row has ${found} cell${found === 1 ? '' : 's'} where the header has ${expected}; ${advice}`, text: u.text };
	}
	return { reason: `the row could not be split into the header's columns: ${u.reason}`, text: u.text };
}

/** DuckDB's CSV reader with everything stated (nothing sniffed): every cell as text, rows it cannot split set aside. */
function readCsvSql(delimiter: Delimiter, names: string[], nullPadding: boolean, bytes: number): string {
	const options = [
		`header = true`,
		`auto_detect = false`,
		`delim = ${quoteLiteral(delimiter)}`,
		`quote = '"'`,
		`escape = '"'`,
		`skip = 0`,
		`columns = {${names.map((n) => `${quoteLiteral(n)}: 'VARCHAR'`).join(', ')}}`,
		// A row may be as long as the file: with DuckDB's 2 MB default a longer quoted cell reads as an unclosed quote.
		`max_line_size = ${Math.max(DUCKDB_MAX_LINE, bytes + 1)}`,
		`store_rejects = true`,
		`rejects_table = ${quoteLiteral(REJECTS)}`,
		`rejects_scan = ${quoteLiteral(`${REJECTS}_scan`)}`
	];
	if (nullPadding) options.push('null_padding = true');
	return `read_csv(${quoteLiteral(FILE_NAME)}, ${options.join(', ')})`;
}

type StagedRead = Omit<StagedFile, 'encoding' | 'delimiter'>;

/** Reads the registered file, whose header comes after `offset` empty lines (its rows are numbered from there). */
async function readIntoRaw(db: Connector, source: string, text: string, bytes: number, delimiter: Delimiter, blankLines: number[], offset: number): Promise<StagedRead> {
	const headerLength = /[\r\n]/.exec(text.slice(0, MAX_HEADER_CHARS + 1))?.index ?? text.length;
	if (headerLength > MAX_HEADER_CHARS) {
		throw new ImportFileError(
			source,
			`the first line, which should hold the column names, is more than ${MAX_HEADER_CHARS.toLocaleString('en-CA')} characters long. ` +
				'Check that you chose the right file (a CSV has one row of column names, then one row per record), or export the data again as CSV.'
		);
	}
	const headers = headerCells(text, delimiter);
	if (headers.length > MAX_COLUMNS) {
		throw new ImportFileError(
			source,
			`the file has ${headers.length.toLocaleString('en-CA')} columns, more than the ${MAX_COLUMNS.toLocaleString('en-CA')} the import reads. ` +
				'Export only the columns the dashboard uses (client, visit date, technique, condition, scores...) and import that file.'
		);
	}
	// A header that ends with the delimiter (as some spreadsheets save it) names one column more than the rows
	// fill: those rows get that last column empty instead of being refused.
	const trailingDelimiter = headers.length > 1 && (/^[^\r\n]*/.exec(text)?.[0] ?? '').trimEnd().endsWith(delimiter);
	const columns = headers.map((_, i) => `c${i}`);
	try {
		// Rows in file order, numbered as a spreadsheet numbers them; renumbered below if the reader set rows aside or skipped empty lines.
		// Cells are kept trimmed, a blank cell as NULL, so no later step trims the same text again.
		const cells = columns.map((c) => `nullif(trim(${quoteIdentifier(c)}), '') AS ${quoteIdentifier(c)}`).join(', ');
		await db.exec(
			`CREATE OR REPLACE TABLE ${RAW_TABLE} AS SELECT (row_number() OVER () + 1)::INTEGER AS __row, ${cells || '*'} FROM ${readCsvSql(delimiter, columns, trailingDelimiter, bytes)}`
		);
	} catch (cause) {
		throw new ImportFileError(
			source,
			`the file could not be read as CSV (${reason(cause)}). Check that it is a CSV or TSV text file; otherwise export the data again as CSV.`,
			{ cause }
		);
	}
	const unreadable = await db.query<UnreadableRow>(
		`SELECT line::INTEGER AS row, string_agg(message, '; ' ORDER BY message) AS reason,
			ltrim(first(text), chr(13) || chr(10)) AS text
		 FROM (
			SELECT line, arg_min(error_message, column_idx) AS message, first(csv_line) AS text
			FROM ${quoteIdentifier(REJECTS)} GROUP BY line, error_type
		 ) GROUP BY line ORDER BY line`
	);
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${RAW_TABLE}`);
	// With one column an empty line is a row with a blank cell; with more, the reader skips it.
	const skippedLines = columns.length > 1 ? blankLines : [];
	const setAside = [...unreadable.map((u) => u.row), ...skippedLines];
	if (setAside.length > 0) await renumberRows(db, columns, setAside);
	if (offset > 0) await db.exec(`UPDATE ${RAW_TABLE} SET __row = __row + ${offset}`);
	const emptyLines = [...Array.from({ length: offset }, (_, i) => i + 1), ...skippedLines.map((r) => r + offset)];
	await db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(REJECTS)}; DROP TABLE IF EXISTS ${quoteIdentifier(`${REJECTS}_scan`)}`);
	return {
		source,
		headers,
		columns,
		rowsRead: n + unreadable.length,
		unreadable: unreadable.map((u) => ({ ...u, row: u.row + offset, ...explainUnreadable(u) })),
		headerLabels: {},
		flaggedIdentifiers: {},
		notes: emptyLines.length > 0 ? [blankLinesNote(emptyLines)] : []
	};
}

function blankLinesNote(rows: number[]): string {
	const shown = rows.length > 10 ? `${rows.slice(0, 10).join(', ')}…` : rows.join(', ');
	const which = rows.length === 1 ? `Row ${shown} is an empty line and was skipped` : `${rows.length} empty lines were skipped (rows ${shown})`;
	return `${which}; the other rows keep the numbers a spreadsheet shows.`;
}

/** Line numbers sent to the database in one statement. */
const SKIPPED_AT_ONCE = 10_000;

/**
 * Gives each staged row the number a spreadsheet shows when the reader set rows aside or skipped empty lines: those
 * keep their numbers, so the rows after them are not renumbered.
 */
async function renumberRows(db: Connector, columns: string[], skipped: number[]): Promise<void> {
	const cells = columns.map(quoteIdentifier).join(', ');
	await db.exec(`CREATE OR REPLACE TEMP TABLE import_skipped (line INTEGER)`);
	// In parts: one list of 200,000 line numbers as a parameter traps duckdb-wasm (memory access out of bounds).
	for (let start = 0; start < skipped.length; start += SKIPPED_AT_ONCE) {
		await db.query(`INSERT INTO import_skipped SELECT unnest(?::INTEGER[])`, [JSON.stringify(skipped.slice(start, start + SKIPPED_AT_ONCE))]);
	}
	await db.exec(
		`CREATE OR REPLACE TABLE ${RAW_TABLE} AS
		 WITH total AS (SELECT count(*) + (SELECT count(*) FROM import_skipped) AS n FROM ${RAW_TABLE}),
		 kept AS (
			SELECT line::INTEGER AS line, row_number() OVER (ORDER BY line) AS ord
			FROM range(2, (SELECT n FROM total) + 2) r(line)
			WHERE line NOT IN (SELECT line FROM import_skipped)
		 )
		 SELECT kept.line AS __row, ${cells} FROM ${RAW_TABLE} raw JOIN kept ON kept.ord = raw.__row - 1 ORDER BY __row`
	);
	await db.exec(`DROP TABLE import_skipped`);
}

function reason(cause: unknown): string {
	const message = cause instanceof Error ? cause.message : String(cause);
	return message.replace(/^query failed: /, '').replace(/^[A-Z][A-Za-z ]* Error: /, '').split('\n')[0];
}

/** Stages a table another reader or an adapter made, through the same CSV path. */
export async function stageTextTable(db: Connector, table: TextTable): Promise<StagedFile> {
	if (table.headers.length === 0) throw new ImportFileError(table.source, 'the file has no columns. Export it again with a header row.');
	const staged = await stageCsv(db, encodeUtf8(textTableToCsv(table)), table.source, { encoding: 'utf-8', delimiter: ',' });
	return {
		...staged,
		headers: table.headers,
		encoding: 'utf-8',
		headerLabels: table.headerLabels ?? {},
		preset: table.preset,
		flaggedIdentifiers: table.flaggedIdentifiers ?? {},
		notes: table.notes ?? []
	};
}

/** Reads a small CSV (a REDCap file) through DuckDB into a TextTable for an adapter. */
export async function csvToTextTable(db: Connector, bytes: Uint8Array, source: string, options: CsvOptions = {}): Promise<TextTable> {
	const staged = await stageCsv(db, bytes, source, options);
	if (staged.unreadable.length > 0) {
		const first = staged.unreadable[0];
		throw new ImportFileError(source, `row ${first.row} could not be read: ${first.reason}. Export the file again from its source.`);
	}
	const rows = await db.query<Record<string, string | null>>(`SELECT * FROM ${RAW_TABLE} ORDER BY __row`);
	await db.exec(`DROP TABLE ${RAW_TABLE}`);
	return { source, headers: staged.headers, rows: rows.map((r) => staged.columns.map((c) => r[c] ?? null)) };
}
