import { CANONICAL_TABLES } from '$lib/schema';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { attachKeptFile, detachKeptFile, KEPT_CATALOG } from '$lib/storage/keptFile';
import { buildClientCourses } from './clientCourses';
import { copyTable } from './copyTable';
import type { Connector } from './connector';
import { loadReferenceTables } from './referenceTables';
import { buildSessionFacts } from './sessionFacts';
import { quoteIdentifier } from './sql';

/**
 * The tables derived from the canonical ones that a kept file stores too, so that showing it again computes
 * nothing: session_facts and client_courses. Their version is kept with the file, and raised whenever
 * buildSessionFacts or buildClientCourses changes what they hold: a file of another version has them rebuilt.
 */
export const DERIVED_TABLES = ['session_facts', 'client_courses'] as const;
export const DERIVED_TABLES_VERSION = 1;

/** What a kept file holds, in the order written: the canonical tables, then the derived ones. */
export const KEPT_TABLES: readonly string[] = [...CANONICAL_TABLES.map((t) => t.name), ...DERIVED_TABLES];

/**
 * Shows a dataset kept as a database file: the reference tables from the app, and a view of each of the file's
 * tables under its usual name, so every query reads the stored (compressed) columns in place. Derived tables of
 * another version are built afresh, in memory. Runs before the database is locked.
 */
export async function loadKeptDataset(db: Connector, dataset: DatasetInfo): Promise<void> {
	if (!dataset.file) throw new Error(`“${dataset.name}” has no database file`);
	await loadReferenceTables(db);
	const stored = new Set(await attachKeptFile(db, dataset.file));
	const missing = CANONICAL_TABLES.map((t) => t.name).filter((name) => !stored.has(name));
	if (missing.length > 0) throw new Error(`its file has no ${missing.join(', ')} table`);
	const current = dataset.derivedVersion === DERIVED_TABLES_VERSION && DERIVED_TABLES.every((name) => stored.has(name));
	const shown = current ? KEPT_TABLES : CANONICAL_TABLES.map((t) => t.name);
	for (const name of shown) {
		await db.exec(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${KEPT_CATALOG}.main.${quoteIdentifier(name)}`);
	}
	if (!current) {
		await buildSessionFacts(db);
		await buildClientCourses(db);
	}
}

/**
 * Copies a kept dataset's canonical tables from its file into this database, as tables of its own (an import
 * adding rows to the dataset checks them against these), a chunk of rows at a time. Runs before the database is locked.
 */
export async function copyKeptTables(db: Connector, dataset: DatasetInfo): Promise<void> {
	if (!dataset.file) throw new Error(`“${dataset.name}” has no database file`);
	const catalog = 'appending_to';
	await attachKeptFile(db, dataset.file, catalog);
	try {
		for (const { name } of CANONICAL_TABLES) {
			await copyTable(db, `${catalog}.main.${quoteIdentifier(name)}`, quoteIdentifier(name));
		}
	} finally {
		await detachKeptFile(db, dataset.file, catalog);
	}
}
