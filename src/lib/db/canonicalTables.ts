import { CANONICAL_TABLES, tableColumns } from '$lib/schema';
import type { Connector } from './connector';
import { quoteIdentifier, quoteLiteral } from './sql';

export type CanonicalTableName = (typeof CANONICAL_TABLES)[number]['name'];

/** The name a canonical table's file is registered under: `<table>.csv.gz`, or `.csv` if not gzipped. */
export function canonicalFileName(table: CanonicalTableName, gzipped = true): string {
	return gzipped ? `${table}.csv.gz` : `${table}.csv`;
}

/**
 * Creates the canonical tables from registered gzipped CSV files with the schema's own column types,
 * so nothing is sniffed or guessed.
 */
export async function loadCanonicalTables(db: Connector, fileNames: readonly string[]): Promise<void> {
	for (const [i, { name, schema }] of CANONICAL_TABLES.entries()) {
		const columns = tableColumns(schema)
			.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.sqlType)}`)
			.join(', ');
		await db.exec(
			`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS SELECT * FROM read_csv(${quoteLiteral(fileNames[i])}, ` +
				`header = true, delim = ',', quote = '"', nullstr = '', columns = {${columns}})`
		);
	}
}

/** Creates the canonical tables empty, with the schema's own column types, where they do not exist yet. */
export async function createCanonicalTables(db: Connector): Promise<void> {
	for (const { name, schema } of CANONICAL_TABLES) {
		const columns = tableColumns(schema).map((c) => `${quoteIdentifier(c.name)} ${c.sqlType}`);
		await db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(name)} (${columns.join(', ')})`);
	}
}

/** The canonical tables as gzipped CSV, the form a dataset is kept in and loaded from. */
export async function exportCanonicalTables(db: Connector): Promise<Record<CanonicalTableName, Uint8Array>> {
	const files = {} as Record<CanonicalTableName, Uint8Array>;
	for (const { name, schema } of CANONICAL_TABLES) {
		const columns = tableColumns(schema).map((c) => quoteIdentifier(c.name));
		const order = name === 'measurements' ? 'session_id, instrument, timepoint, rom_movement, side' : columns[0];
		files[name] = await db.copyToBytes(
			`SELECT ${columns.join(', ')} FROM ${quoteIdentifier(name)} ORDER BY ${order}`,
			`FORMAT csv, HEADER true, COMPRESSION gzip`
		);
	}
	return files;
}
