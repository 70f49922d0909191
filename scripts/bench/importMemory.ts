/**
 * DuckDB's memory through an import of the benchmark's clinic export, step by step, in duckdb-wasm's Node build
 * (the page's engine, one thread): the file staged, checked, committed, the session facts and client courses built,
 * the overview's rollups built, and a checkpoint. The largest of these is the import's peak between steps, which
 * the memory budget (src/lib/importer/memoryBudget.ts) must cover; a query's own working memory comes on top.
 *
 * Several files are imported as a person adds parts to one dataset: the first as a new dataset, each next one
 * appended to the canonical tables of the ones before (the derived tables are built again for the whole dataset
 * after each part, as the page does). MEMORY_LIMIT (e.g. "300MB") sets the database's limit: a scale model of a
 * larger dataset under the page's 3 GiB (a tenth of the rows under a tenth of the limit), whose working tables are then
 * compressed as a large file's are.
 *
 * Usage: npx tsx scripts/bench/importMemory.ts <export.csv> [<part.csv> ...]. Prints one JSON line.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildClientCourses } from '$lib/db/clientCourses';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { DATASET_SETTINGS, importWorkingSettings } from '$lib/db/settings';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import { readUpload } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import { identifyingColumns, profileValues, suggestedMapping } from '$lib/importer/suggestedMapping';
import { buildRollupTables, ROLLUPS } from '$lib/queries/overviewRollups';
import { compactTables } from '$lib/db/compactTables';

const files = process.argv.slice(2);
const db = await openNodeConnector();
const limit = process.env.MEMORY_LIMIT?.replace(/[^0-9A-Za-z.]/g, '');
const steps: { step: string; mb: number; ms: number }[] = [];
let last = performance.now();
async function step(name: string): Promise<void> {
	const [{ mb }] = await db.query<{ mb: number }>('SELECT round(sum(memory_usage_bytes) / 1048576, 1) AS mb FROM duckdb_memory()');
	const now = performance.now();
	steps.push({ step: name, mb, ms: Math.round(now - last) });
	console.error(JSON.stringify(steps.at(-1)));
	last = now;
}

let rows = 0;
for (const [i, file] of files.entries()) {
	const part = files.length > 1 ? `part ${i + 1}: ` : '';
	// As the import's database: working tables uncompressed for a file up to 256 MB, the dataset's own compressed (settings.ts).
	// A scale model's files are read as the larger files they stand for are.
	await db.exec(importWorkingSettings(process.env.MEMORY_LIMIT ? Number.POSITIVE_INFINITY : statSync(file).size));
	// DuckDB's CSV reader takes a buffer of up to 16 times the longest line allowed (the file's size here): in Node's
	// build it asks for all of it, which follows the file, not the dataset, so the model reads under the page's limit.
	if (limit) await db.exec(`SET memory_limit = '3GiB'`);
	const staged = await readUpload(db, [{ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
	if (limit) await db.exec(`SET memory_limit = '${limit}'`);
	await step(`${part}staged`);
	const profile = await profileColumns(db, staged);
	const mapping = suggestedMapping(staged, identifyingColumns(staged, profile), profileValues(profile));
	const options = { ...DEFAULT_IMPORT_OPTIONS, droppedColumns: [] };
	const check = await checkImport(db, staged, mapping, options, { existingSessions: i > 0, keySalt: 'bench' });
	if ('mappingProblems' in check) throw new Error(check.mappingProblems.join('\n'));
	rows += check.rowsAccepted;
	await step(`${part}checked`);
	await commitImport(db, mapping, options);
	await step(`${part}committed`);
	await db.exec(DATASET_SETTINGS);
	if (i === 0) await loadReferenceTables(db);
	await buildSessionFacts(db);
	await buildClientCourses(db);
	await step(`${part}session facts`);
	await buildRollupTables(db);
	await compactTables(db);
	await step(`${part}rollups (and checkpoint)`);
	if (i < files.length - 1) await db.exec(`DROP TABLE IF EXISTS session_facts; DROP TABLE IF EXISTS client_courses; ${ROLLUPS.map((r) => `DROP TABLE ${r.table};`).join(' ')}`);
}
const [sizes] = await db.query<{ sessions: number; measurements: number }>(
	'SELECT (SELECT count(*) FROM sessions)::INTEGER AS sessions, (SELECT count(*) FROM measurements)::INTEGER AS measurements'
);
console.log(JSON.stringify({ rows, ...sizes, peak_mb: Math.max(...steps.map((s) => s.mb)), steps }));
await db.close();
