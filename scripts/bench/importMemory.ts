/**
 * DuckDB's memory through an import of the benchmark's clinic export, step by step, in duckdb-wasm's Node build
 * (the page's engine, one thread): the file staged, checked, committed, the session facts and client courses built,
 * the overview's rollups built, and a checkpoint. The largest of these is the import's peak between steps, which
 * the memory budget (src/lib/importer/memoryBudget.ts) must cover; a query's own working memory comes on top.
 *
 * Usage: npx tsx scripts/bench/importMemory.ts <export.csv>. Prints one JSON line.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildClientCourses } from '$lib/db/clientCourses';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { DATASET_SETTINGS, importWorkingSettings, LOCK_SETTINGS } from '$lib/db/settings';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import { readUpload } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import { identifyingColumns, profileValues, suggestedMapping } from '$lib/importer/suggestedMapping';
import { buildOverviewRollups } from '$lib/queries/overviewRollups';

const file = process.argv[2];
const db = await openNodeConnector();
// As the import's database: working tables uncompressed for a file up to 256 MB, the dataset's own compressed (settings.ts).
await db.exec(importWorkingSettings(statSync(file).size));
const steps: { step: string; mb: number; ms: number }[] = [];
let last = performance.now();
async function step(name: string): Promise<void> {
	const [{ mb }] = await db.query<{ mb: number }>('SELECT round(sum(memory_usage_bytes) / 1048576, 1) AS mb FROM duckdb_memory()');
	const now = performance.now();
	steps.push({ step: name, mb, ms: Math.round(now - last) });
	last = now;
}

const staged = await readUpload(db, [{ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }]);
await step('staged');
const profile = await profileColumns(db, staged);
const mapping = suggestedMapping(staged, identifyingColumns(staged, profile), profileValues(profile));
const options = { ...DEFAULT_IMPORT_OPTIONS, droppedColumns: [] };
const check = await checkImport(db, staged, mapping, options, { existingSessions: false, keySalt: 'bench' });
if ('mappingProblems' in check) throw new Error(check.mappingProblems.join('\n'));
await step('checked');
const counts = await commitImport(db, mapping, options);
await step('committed');
await db.exec(DATASET_SETTINGS);
await loadReferenceTables(db);
await buildSessionFacts(db);
await buildClientCourses(db);
await db.exec(LOCK_SETTINGS);
await step('session facts');
await buildOverviewRollups(db);
await step('rollups (and checkpoint)');
const [sizes] = await db.query<{ sessions: number; measurements: number }>(
	'SELECT (SELECT count(*) FROM sessions)::INTEGER AS sessions, (SELECT count(*) FROM measurements)::INTEGER AS measurements'
);
console.log(JSON.stringify({ rows: check.rowsAccepted, ...sizes, counts, peak_mb: Math.max(...steps.map((s) => s.mb)), steps }));
await db.close();
