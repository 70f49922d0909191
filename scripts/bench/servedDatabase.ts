/**
 * The query server's benchmark datasets, as DuckDB database files holding the four canonical tables with their
 * session facts and client courses, as the server's --save writes them (the server and the native reference then
 * build only the overview's rollups when they start):
 * - from the benchmark's clinic exports, imported with the page's own import steps on native DuckDB, the parts added
 *   one after another as the page adds them: the same dataset the page holds at that size;
 * - or `--copies N` of such a file, each copy's client and session ids suffixed (`-c2`), the therapists, clinics and
 *   dates shared, as demoExport.ts scales the demo: N times the sessions in every month, therapist and clinic.
 *
 * Usage: npx tsx scripts/bench/servedDatabase.ts <out.duckdb> <export.csv> [<part.csv> ...]
 *        npx tsx scripts/bench/servedDatabase.ts <out.duckdb> --copies <N> <from.duckdb>
 *        npx tsx scripts/bench/servedDatabase.ts <file.duckdb> --derive    (adds them to a file of the four tables)
 * Prints one JSON line: the sessions written and the seconds it took.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CANONICAL_TABLES, tableColumns } from '$lib/schema';
import { DATASET_SETTINGS, OPEN_SETTINGS } from '$lib/db/settings';
import { buildClientCourses } from '$lib/db/clientCourses';
import { DERIVED_TABLES } from '$lib/db/loadKeptDataset';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { importFiles } from '../../src/server/importFiles';
import { saveTables } from '../../src/server/servedData';
import { machineMemoryLimit, openNativeConnector } from '../../src/server/nativeConnector';

const [out, ...rest] = process.argv.slice(2);
if (!out || rest.length === 0) throw new Error('usage: servedDatabase.ts <out.duckdb> <export.csv> [...] | --copies <N> <from.duckdb> | --derive');
const derive = rest[0] === '--derive';
if (existsSync(out) !== derive) throw new Error(derive ? `${out} is not there` : `${out} exists already`);
const started = performance.now();
const db = await openNativeConnector();
await db.exec(OPEN_SETTINGS);
await db.exec(machineMemoryLimit());
await db.exec(`ATTACH ${quoteLiteral(resolve(out))} AS out_file`);

/** The ids a copy makes distinct, per table. */
const SUFFIXED: Record<string, string[]> = { sessions: ['session_id', 'client_id'], measurements: ['session_id'], clients: ['client_id'], therapists: [] };

if (derive) {
	// Nothing to copy: the four tables are in the file.
} else if (rest[0] === '--copies') {
	const copies = Number(rest[1]);
	await db.exec(`ATTACH ${quoteLiteral(resolve(rest[2]))} AS from_file (READ_ONLY)`);
	for (const { name, schema } of CANONICAL_TABLES) {
		const columns = tableColumns(schema).map((c) => quoteIdentifier(c.name));
		const table = quoteIdentifier(name);
		await db.exec(`CREATE TABLE out_file.main.${table} AS SELECT ${columns.join(', ')} FROM from_file.main.${table}`);
		// The therapists (and their clinics) are shared by every copy.
		if (SUFFIXED[name].length === 0) continue;
		for (let copy = 2; copy <= copies; copy++) {
			const replaced = SUFFIXED[name].map((c) => `${c} || '-c${copy}' AS ${c}`).join(', ');
			await db.exec(`INSERT INTO out_file.main.${table} SELECT * REPLACE (${replaced}) FROM from_file.main.${table}`);
			console.error(`${name}: copy ${copy} of ${copies} (${Math.round((performance.now() - started) / 1000)} s)`);
		}
	}
} else {
	await importFiles(db, rest, (line) => console.error(line));
	for (const { name } of CANONICAL_TABLES) {
		await db.exec(`CREATE TABLE out_file.main.${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(name)}`);
	}
}
// The session facts and client courses, built as the server builds them over the file's tables, stored with them.
if (rest[0] === '--copies' || derive) {
	for (const { name } of CANONICAL_TABLES) await db.exec(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM out_file.main.${quoteIdentifier(name)}`);
}
await db.exec(DATASET_SETTINGS);
await loadReferenceTables(db);
await buildSessionFacts(db);
await buildClientCourses(db);
console.error(`session facts and client courses built (${Math.round((performance.now() - started) / 1000)} s)`);
await saveTables(db, 'out_file', DERIVED_TABLES);
const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM out_file.main.sessions');
await db.exec('DETACH out_file');
await db.close();
console.log(JSON.stringify({ sessions: n, seconds: Math.round((performance.now() - started) / 1000) }));
