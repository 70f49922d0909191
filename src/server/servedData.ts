import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Connector } from '$lib/db/connector';
import { buildClientCourses } from '$lib/db/clientCourses';
import { loadDataset, type DatasetFiles } from '$lib/db/loadDataset';
import { DERIVED_TABLES, DERIVED_TABLES_VERSION, KEPT_TABLES } from '$lib/db/loadKeptDataset';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { DATASET_SETTINGS } from '$lib/db/settings';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { importFiles } from './importFiles';
import { ServedDataError } from './servedDataError';
import { CANONICAL_TABLES, tableColumns } from '$lib/schema';
import type { ServerDataset } from '$lib/db/serverProtocol';

/** The table that marks a database file written by the server (--save) and the version of its derived tables. */
const INFO_TABLE = 'dashboard_info';
const SERVED_FILE = 'served_file';
const DATABASE_EXTENSIONS = new Set(['.duckdb', '.db', '.ddb']);
/** The files a folder of clinic exports may hold: what the page's import reads, one dataset from all of them. */
const EXPORT_EXTENSIONS = ['.parquet', '.csv', '.csv.gz', '.tsv', '.tsv.gz', '.zip', '.xlsx', '.json', '.ndjson'];

const canonicalNames = CANONICAL_TABLES.map((t) => t.name);
const hasExtension = (file: string, extensions: readonly string[]) => extensions.some((e) => file.toLowerCase().endsWith(e));

/** A folder's file for a canonical table: `sessions.parquet`, `sessions.csv.gz` or `sessions.csv`. */
function tableFile(folder: string, table: string): string | null {
	for (const ext of ['.parquet', '.csv.gz', '.csv']) {
		const file = join(folder, `${table}${ext}`);
		if (existsSync(file)) return file;
	}
	return null;
}

/**
 * Loads what PATH holds into the server's database, as the page loads a dataset, and builds the same derived tables
 * (session facts, client courses, the overview's rollups are the caller's):
 * - a DuckDB database file with the four canonical tables (sessions, measurements, clients, therapists), attached
 *   read-only; the session facts and client courses the server saved in it (--save) are used as they are;
 * - a folder with the four canonical tables as `<table>.parquet`, `.csv.gz` or `.csv` (the bundled demo data's form);
 * - a folder of clinic exports (the app's researcher export, CSV or Parquet, one file per clinic as a rule; any
 *   file the page's import maps by itself), or one such file: each is imported with the page's own import steps and
 *   added to the ones before, as "Add to a dataset" does in the page. Each row keeps its clinic.
 */
export async function loadServedData(db: Connector, path: string, log: (line: string) => void = () => {}): Promise<ServerDataset> {
	const full = resolve(path);
	if (!existsSync(full)) throw new ServedDataError(`${path} does not exist: give a DuckDB database file, or a folder of Parquet or CSV files.`);
	const name = basename(full);
	let kind: ServerDataset['kind'];
	let files: string[];
	let notes: string[] = [];
	if (statSync(full).isFile() && DATABASE_EXTENSIONS.has(extname(full).toLowerCase())) {
		kind = 'database';
		files = [name];
		await attachDatabaseFile(db, full);
	} else if (statSync(full).isDirectory() && canonicalNames.every((t) => tableFile(full, t))) {
		kind = 'tables';
		files = canonicalNames.map((t) => basename(tableFile(full, t)!));
		log(`Reading the tables ${files.join(', ')}`);
		await loadCanonicalFolder(db, full);
	} else {
		kind = 'exports';
		const paths = statSync(full).isDirectory()
			? readdirSync(full)
					.filter((f) => hasExtension(f, EXPORT_EXTENSIONS) && statSync(join(full, f)).isFile())
					.sort()
					.map((f) => join(full, f))
			: [full];
		if (paths.length === 0) {
			throw new ServedDataError(
				`${path} holds no data file: give a folder of the app's exports (.parquet or .csv), a folder with sessions, measurements, clients and therapists tables, or a DuckDB database file.`
			);
		}
		files = paths.map((p) => basename(p));
		notes = await importFiles(db, paths, log);
		await db.exec(DATASET_SETTINGS);
		await loadReferenceTables(db);
		log('Building the session facts and client courses');
		await buildSessionFacts(db);
		await buildClientCourses(db);
	}
	const [counts] = await db.query<{ sessions: number; measurements: number; clients: number }>(
		`SELECT (SELECT count(*) FROM sessions)::BIGINT AS sessions, (SELECT count(*) FROM measurements)::BIGINT AS measurements,
		 (SELECT count(DISTINCT client_id) FROM sessions)::BIGINT AS clients`
	);
	return { name, kind, files, notes, ...counts };
}

/**
 * A database file: attached read-only, each table shown under its usual name through a view. Session facts and
 * client courses saved by this server's --save (its info table says their version) are read in place; otherwise
 * they are built in memory.
 */
async function attachDatabaseFile(db: Connector, file: string): Promise<void> {
	await db.exec(`ATTACH ${quoteLiteral(file)} AS ${SERVED_FILE} (READ_ONLY)`);
	const stored = new Set(
		(await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'`, [SERVED_FILE])).map(
			(t) => t.name
		)
	);
	const missing = canonicalNames.filter((t) => !stored.has(t));
	if (missing.length > 0) {
		throw new ServedDataError(`${basename(file)} has no ${missing.join(', ')} table: the server reads a database with the app's four tables (see the data dictionary).`);
	}
	let current = false;
	if (stored.has(INFO_TABLE)) {
		const [info] = await db.query<{ version: number }>(`SELECT derived_version AS version FROM ${SERVED_FILE}.main.${INFO_TABLE}`);
		current = info?.version === DERIVED_TABLES_VERSION && DERIVED_TABLES.every((t) => stored.has(t));
	}
	await loadReferenceTables(db);
	// The canonical tables as the schema types them: a column the file lacks is empty if optional, an error if required.
	for (const { name, schema } of CANONICAL_TABLES) {
		const present = new Set(
			(
				await db.query<{ name: string }>(
					`SELECT column_name AS name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' AND table_name = ?`,
					[SERVED_FILE, name]
				)
			).map((c) => c.name)
		);
		const select = schemaColumns(schema, present, `${basename(file)}: its ${name} table`);
		await db.exec(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT ${select} FROM ${SERVED_FILE}.main.${quoteIdentifier(name)}`);
	}
	if (current) {
		for (const table of DERIVED_TABLES) {
			await db.exec(`CREATE OR REPLACE VIEW ${quoteIdentifier(table)} AS SELECT * FROM ${SERVED_FILE}.main.${quoteIdentifier(table)}`);
		}
	}
	if (!current) {
		await buildSessionFacts(db);
		await buildClientCourses(db);
	}
}

/**
 * A canonical table's columns as the schema types them, from a source holding the columns `present`: each cast to
 * its type, a missing optional one empty; a missing required one is an error naming `source`.
 */
function schemaColumns(schema: (typeof CANONICAL_TABLES)[number]['schema'], present: ReadonlySet<string>, source: string): string {
	const specs = tableColumns(schema);
	const required = specs.filter((c) => !c.optional && !present.has(c.name));
	if (required.length > 0) throw new ServedDataError(`${source} has no ${required.map((c) => c.name).join(', ')} column.`);
	return specs.map((c) => (present.has(c.name) ? `CAST(${quoteIdentifier(c.name)} AS ${c.sqlType})` : `NULL::${c.sqlType}`) + ` AS ${quoteIdentifier(c.name)}`).join(', ');
}

/** The four tables from a folder: CSV as the page reads the demo data; Parquet with the schema's columns and types. */
async function loadCanonicalFolder(db: Connector, folder: string): Promise<void> {
	const paths = canonicalNames.map((t) => tableFile(folder, t)!);
	if (paths.every((p) => !p.endsWith('.parquet'))) {
		const gzipped = paths.map((p) => p.endsWith('.gz'));
		if (gzipped.some((g) => g !== gzipped[0])) throw new ServedDataError(`${folder}: the four tables' CSV files are all gzipped or none is.`);
		const files = Object.fromEntries(CANONICAL_TABLES.map(({ name }, i) => [name, new Uint8Array(readFileSync(paths[i]))])) as DatasetFiles;
		await loadDataset(db, files);
		return;
	}
	await loadReferenceTables(db);
	for (const [i, { name, schema }] of CANONICAL_TABLES.entries()) {
		const from = paths[i].endsWith('.parquet') ? `read_parquet(${quoteLiteral(paths[i])})` : `read_csv(${quoteLiteral(paths[i])}, header = true, all_varchar = true)`;
		const present = new Set((await db.query<{ name: string }>(`SELECT column_name AS name FROM (DESCRIBE SELECT * FROM ${from})`)).map((c) => c.name));
		const select = schemaColumns(schema, present, basename(paths[i]));
		await db.exec(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS SELECT ${select} FROM ${from}`);
	}
	await buildSessionFacts(db);
	await buildClientCourses(db);
}

/**
 * Writes tables of the database to the catalog of an attached database file, and with the session facts and
 * client courses the info table with their version, so that serving the file builds nothing but the overview's
 * rollups.
 */
export async function saveTables(db: Connector, catalog: string, tables: readonly string[]): Promise<void> {
	for (const table of tables) await db.exec(`CREATE TABLE ${catalog}.main.${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(table)}`);
	if (DERIVED_TABLES.every((t) => tables.includes(t))) {
		await db.exec(`CREATE TABLE ${catalog}.main.${INFO_TABLE} AS SELECT ${DERIVED_TABLES_VERSION} AS derived_version, now()::VARCHAR AS saved_at`);
	}
}

/** Writes the dataset as the server holds it (the four tables, session facts, client courses) to a new DuckDB file. */
export async function saveServedData(db: Connector, file: string): Promise<void> {
	if (existsSync(file)) throw new ServedDataError(`${file} exists already: choose a new file name to save to.`);
	await db.exec(`ATTACH ${quoteLiteral(resolve(file))} AS saved_file`);
	try {
		await saveTables(db, 'saved_file', KEPT_TABLES);
	} finally {
		await db.exec('DETACH saved_file');
	}
}
