import { CANONICAL_TABLES } from '$lib/schema';
import { loadCanonicalFiles } from './canonicalTables';
import { buildClientCourses } from './clientCourses';
import type { Connector } from './connector';
import { loadReferenceTables } from './referenceTables';
import { buildSessionFacts } from './sessionFacts';

/** The four canonical files' bytes keyed by table name: gzipped CSV (demo data) or gzipped Arrow IPC (kept datasets). */
export type DatasetFiles = Record<(typeof CANONICAL_TABLES)[number]['name'], Uint8Array>;

/** Loads a dataset into the database: reference tables, canonical tables, then session facts and client courses. */
export async function loadDataset(db: Connector, files: DatasetFiles): Promise<void> {
	await loadReferenceTables(db);
	await loadCanonicalFiles(db, files);
	performance.mark('outcomes:tables-read');
	await buildSessionFacts(db);
	await buildClientCourses(db);
}
