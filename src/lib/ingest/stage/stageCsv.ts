import type { Connector } from '$lib/db/connector';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { ImportFileError } from '../importFileError';
import { decodeText, encodeUtf8, type TextEncodingChoice } from '../parse/encoding';
import type { TextTable } from '../textTable';
import { textTableToCsv } from '../textTable';
import { detectDelimiter, type Delimiter } from './delimiter';
import { gunzip, isGzip } from './gzip';
import { RAW_TABLE, type StagedFile, type UnreadableRow } from './stagedFile';

export interface CsvOptions {
	encoding?: TextEncodingChoice;
	delimiter?: Delimiter | 'auto';
}

const FILE_NAME = 'import-upload.csv';
const REJECTS = 'import_unreadable';

/**
 * Reads CSV/TSV bytes (gzipped or not, UTF-8 with or without BOM, Windows-1252, UTF-16) into RAW_TABLE with
 * DuckDB's own CSV reader: every cell as text, quotes and newlines in fields as RFC 4180 says, and each row's
 * number as a spreadsheet shows it (the header is row 1). Rows the reader cannot split are kept aside with
 * their line, so every row read is either staged or reported.
 */
export async function stageCsv(db: Connector, bytes: Uint8Array, source: string, options: CsvOptions = {}): Promise<StagedFile> {
	const plain = isGzip(bytes) ? await gunzipOrExplain(bytes, source) : bytes;
	const decoded = decodeText(plain, options.encoding ?? 'auto');
	if (decoded.text.trim() === '') {
		throw new ImportFileError(source, 'the file is empty. Export the data again, with a header row and at least one row of data.');
	}
	const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(decoded.text) : options.delimiter;
	const utf8 = decoded.encoding === 'utf-8' && !decoded.hadBom ? plain : encodeUtf8(decoded.text);
	await db.registerFile(FILE_NAME, utf8);
	try {
		const staged = await readIntoRaw(db, source, delimiter);
		return { ...staged, encoding: decoded.encoding, delimiter };
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

function readCsvSql(delimiter: Delimiter, names?: string[]): string {
	const options = [
		`all_varchar = true`,
		`header = true`,
		`delim = ${quoteLiteral(delimiter)}`,
		`quote = '"'`,
		`escape = '"'`,
		`skip = 0`
	];
	if (names) {
		options.push(`names = [${names.map(quoteLiteral).join(', ')}]`);
		options.push(`store_rejects = true`, `rejects_table = ${quoteLiteral(REJECTS)}`, `rejects_scan = ${quoteLiteral(`${REJECTS}_scan`)}`);
	}
	return `read_csv(${quoteLiteral(FILE_NAME)}, ${options.join(', ')})`;
}

type StagedRead = Omit<StagedFile, 'encoding' | 'delimiter'>;

async function readIntoRaw(db: Connector, source: string, delimiter: Delimiter): Promise<StagedRead> {
	let described: { column_name: string }[];
	try {
		described = await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM ${readCsvSql(delimiter)}`);
	} catch (cause) {
		throw new ImportFileError(source, `the header row could not be read as CSV (${reason(cause)}). Check that the file is CSV or TSV.`, { cause });
	}
	const headers = described.map((d) => d.column_name);
	const columns = headers.map((_, i) => `c${i}`);
	try {
		await db.exec(
			`CREATE OR REPLACE TABLE import_read AS SELECT row_number() OVER () AS __ord, * FROM ${readCsvSql(delimiter, columns)}`
		);
	} catch (cause) {
		throw new ImportFileError(source, `the file could not be read as CSV: ${reason(cause)}`, { cause });
	}
	const unreadable = await db.query<UnreadableRow>(
		`SELECT line::INTEGER AS row, string_agg(DISTINCT error_message, '; ') AS reason, first(csv_line) AS text
		 FROM ${quoteIdentifier(REJECTS)} GROUP BY line ORDER BY line`
	);
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM import_read`);
	await numberRows(db, columns, unreadable.map((u) => u.row));
	await db.exec(`DROP TABLE import_read; DROP TABLE IF EXISTS ${quoteIdentifier(REJECTS)}; DROP TABLE IF EXISTS ${quoteIdentifier(`${REJECTS}_scan`)}`);
	return {
		source,
		headers,
		columns,
		rowsRead: n + unreadable.length,
		unreadable: unreadable.map((u) => ({ ...u, reason: `the row could not be split into the header's columns: ${u.reason}` })),
		headerLabels: {},
		flaggedIdentifiers: {},
		notes: []
	};
}

/**
 * Gives each staged row the number a spreadsheet shows: the header is row 1, and rows the reader set aside keep
 * their numbers, so the rows after them are not renumbered.
 */
async function numberRows(db: Connector, columns: string[], skipped: number[]): Promise<void> {
	const cells = columns.map(quoteIdentifier).join(', ');
	if (skipped.length === 0) {
		await db.exec(`CREATE OR REPLACE TABLE ${RAW_TABLE} AS SELECT (__ord + 1)::INTEGER AS __row, ${cells} FROM import_read ORDER BY __ord`);
		return;
	}
	await db.exec(`CREATE OR REPLACE TEMP TABLE import_skipped (line INTEGER)`);
	await db.query(`INSERT INTO import_skipped SELECT unnest(?::INTEGER[])`, [JSON.stringify(skipped)]);
	await db.exec(
		`CREATE OR REPLACE TABLE ${RAW_TABLE} AS
		 WITH total AS (SELECT count(*) + (SELECT count(*) FROM import_skipped) AS n FROM import_read),
		 kept AS (
			SELECT line::INTEGER AS line, row_number() OVER (ORDER BY line) AS ord
			FROM range(2, (SELECT n FROM total) + 2) r(line)
			WHERE line NOT IN (SELECT line FROM import_skipped)
		 )
		 SELECT kept.line AS __row, ${cells} FROM import_read JOIN kept ON kept.ord = import_read.__ord ORDER BY __row`
	);
	await db.exec(`DROP TABLE import_skipped`);
}

function reason(cause: unknown): string {
	const message = cause instanceof Error ? cause.message : String(cause);
	return message.replace(/^query failed: /, '').split('\n')[0];
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
