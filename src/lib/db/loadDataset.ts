import { CANONICAL_TABLES } from '$lib/schema';
import { canonicalFileName, loadCanonicalTables } from './canonicalTables';
import { buildClientCourses } from './clientCourses';
import type { Connector } from './connector';
import { loadReferenceTables } from './referenceTables';
import { buildSessionFacts } from './sessionFacts';

/** The four canonical files' bytes, gzipped CSV, keyed by table name. */
export type DatasetFiles = Record<(typeof CANONICAL_TABLES)[number]['name'], Uint8Array>;

/** A server may have already undone the gzip (Content-Encoding): DuckDB is told by the file name. */
function isGzip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Loads a dataset into the database: reference tables, canonical tables, then session facts and client courses. */
export async function loadDataset(db: Connector, files: DatasetFiles): Promise<void> {
	const names = CANONICAL_TABLES.map(({ name }) => canonicalFileName(name, isGzip(files[name])));
	for (const [i, { name }] of CANONICAL_TABLES.entries()) await db.registerFile(names[i], files[name]);
	try {
		await loadReferenceTables(db);
		await loadCanonicalTables(db, names);
		performance.mark('outcomes:tables-read');
		await buildSessionFacts(db);
		await buildClientCourses(db);
	} finally {
		for (const name of names) await db.dropFile(name);
	}
}
