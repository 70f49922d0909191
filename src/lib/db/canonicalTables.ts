import { gunzip, gzip, isGzip } from '$lib/compression/gzip';
import { CANONICAL_TABLES, tableColumns } from '$lib/schema';
import type { Connector } from './connector';
import { DATA_CATALOG } from './settings';
import { quoteIdentifier, quoteLiteral } from './sql';

export type CanonicalTableName = (typeof CANONICAL_TABLES)[number]['name'];

/** The name a canonical table's file is registered under: `<table>.csv.gz`, or `.csv` if not gzipped. */
export function canonicalFileName(table: CanonicalTableName, gzipped = true): string {
	return gzipped ? `${table}.csv.gz` : `${table}.csv`;
}

/**
 * Creates the canonical tables from registered CSV files (gzipped or not) with the schema's own column types, so
 * nothing is sniffed or guessed. A file written before an optional column existed gets that column empty; a
 * missing required column is an error.
 */
async function loadCanonicalTables(db: Connector, fileNames: readonly string[], headers: readonly string[][]): Promise<void> {
	for (const [i, { name, schema }] of CANONICAL_TABLES.entries()) {
		const file = quoteLiteral(fileNames[i]);
		const present = new Set(headers[i]);
		const specs = tableColumns(schema);
		const missing = specs.filter((c) => !present.has(c.name));
		const required = missing.filter((c) => !c.optional);
		if (required.length > 0) throw new Error(`${fileNames[i]} has no ${required.map((c) => c.name).join(', ')} column`);
		const types = specs.filter((c) => present.has(c.name)).map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.sqlType)}`);
		const select = specs.map((c) => (present.has(c.name) ? quoteIdentifier(c.name) : `NULL::${c.sqlType} AS ${quoteIdentifier(c.name)}`));
		await db.exec(
			`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS SELECT ${select.join(', ')} FROM read_csv(${file}, ` +
				`header = true, delim = ',', quote = '"', nullstr = '', columns = {${types.join(', ')}})`
		);
	}
}

/**
 * Creates the canonical tables empty, with the schema's own column types, where they do not exist yet: in the
 * dataset's catalog, whichever catalog an import's working tables go to (IMPORT_WORKING_SETTINGS).
 */
export async function createCanonicalTables(db: Connector): Promise<void> {
	for (const { name, schema } of CANONICAL_TABLES) {
		const columns = tableColumns(schema).map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}`);
		await db.exec(`CREATE TABLE IF NOT EXISTS ${DATA_CATALOG}.main.${quoteIdentifier(name)} (${columns.join(', ')})`);
	}
}

type CanonicalFiles = Record<CanonicalTableName, Uint8Array>;

/**
 * The canonical tables as Arrow IPC streams: typed and columnar, so a kept dataset loads without parsing text.
 * A query result needs no file access, so this works on a locked database too.
 */
export async function exportCanonicalArrow(db: Connector): Promise<CanonicalFiles> {
	const files = {} as CanonicalFiles;
	for (const { name, schema } of CANONICAL_TABLES) {
		const columns = tableColumns(schema).map((c) => quoteIdentifier(c.name));
		files[name] = await db.queryArrowIpc(`SELECT ${columns.join(', ')} FROM ${quoteIdentifier(name)}`);
	}
	return files;
}

/** Each file gzipped: the form a dataset is kept in. */
export async function gzipFiles(files: CanonicalFiles): Promise<CanonicalFiles> {
	const zipped = {} as CanonicalFiles;
	for (const [name, bytes] of Object.entries(files) as [CanonicalTableName, Uint8Array][]) zipped[name] = await gzip(bytes);
	return zipped;
}

/** The canonical tables as they are kept: gzipped Arrow IPC streams. */
export async function exportCanonicalTables(db: Connector): Promise<CanonicalFiles> {
	return gzipFiles(await exportCanonicalArrow(db));
}

/** An Arrow IPC stream starts with the continuation marker 0xFFFFFFFF. */
function isArrowStream(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

/**
 * The column names in a canonical CSV file's first line (the app writes them unquoted), reading no more of a
 * gzipped file than its first chunk.
 */
async function csvHeader(bytes: Uint8Array, gzipped: boolean): Promise<string[]> {
	let head = bytes.subarray(0, 4096);
	if (gzipped) {
		const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
		const { value } = await reader.read();
		await reader.cancel().catch(() => undefined);
		head = value ?? new Uint8Array();
	}
	const text = new TextDecoder().decode(head);
	return text.split(/\r?\n/, 1)[0].replace(/^\uFEFF/, '').split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Loads canonical files, whichever form they come in: gzipped CSV (the bundled demo data, read by DuckDB with the
 * schema's types) or gzipped Arrow IPC (a dataset kept in this browser, typed already).
 */
export async function loadCanonicalFiles(db: Connector, files: CanonicalFiles): Promise<void> {
	const first = files[CANONICAL_TABLES[0].name];
	const gzipped = isGzip(first);
	const head = gzipped ? await gunzip(first) : first;
	if (isArrowStream(head)) {
		for (const { name } of CANONICAL_TABLES) {
			const bytes = name === CANONICAL_TABLES[0].name ? head : gzipped ? await gunzip(files[name]) : files[name];
			await db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
			await db.createTableFromArrowIpc(name, bytes);
		}
		return;
	}
	const names = CANONICAL_TABLES.map(({ name }) => canonicalFileName(name, gzipped));
	const headers = await Promise.all(CANONICAL_TABLES.map(({ name }) => csvHeader(files[name], gzipped)));
	for (const [i, { name }] of CANONICAL_TABLES.entries()) await db.registerFile(names[i], files[name]);
	try {
		await loadCanonicalTables(db, names, headers);
	} finally {
		for (const name of names) await db.dropFile(name);
	}
}
