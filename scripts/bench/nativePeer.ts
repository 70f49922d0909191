/**
 * The benchmark's native reference: the overview's own queries (loadOverview) on native DuckDB, on the session
 * facts the page held, for the views the page showed (their URL query strings), each timed once after a warm-up.
 * Usage: npx tsx scripts/bench/nativePeer.ts <session_facts.csv | dataset.duckdb> <views.json> <k> <threads>; a
 * .duckdb file is a query server's dataset (servedDatabase.ts), loaded as the server loads it. Prints JSON: the times,
 * and each view's filters as the overview applies them (for the Arquero peer).
 */
import { readFileSync } from 'node:fs';
import { buildClientCourses } from '$lib/db/clientCourses';
import { CATEGORY_COLUMNS, enumCasts } from '$lib/db/sessionFacts';
import { buildOverviewRollups } from '$lib/queries/overviewRollups';
import { quoteLiteral } from '$lib/db';
import { crossFilters } from '$lib/overview/crossFilter';
import { loadOverview } from '$lib/overview/overview';
import { overviewParams, type OverviewView } from '$lib/overview/overviewParams';
import { queryFilterOptions, queryKpis, type OutcomeFilter } from '$lib/queries';
import { readView } from '$lib/url/viewParams';
import { machineMemoryLimit, openNativeConnector } from '../../src/server/nativeConnector';
import { loadServedData } from '../../src/server/servedData';
import { OPEN_SETTINGS } from '$lib/db/settings';

const [csv, viewsFile, kText, threadsText] = process.argv.slice(2);
const k = Number(kText);
const db = await openNativeConnector({ threads: Number(threadsText ?? 2) });
if (csv.endsWith('.duckdb')) {
	// A query server's dataset (servedDatabase.ts): loaded as the server loads it, with all the machine's memory.
	await db.exec(OPEN_SETTINGS);
	await db.exec(machineMemoryLimit());
	await loadServedData(db, csv);
} else {
	// Typed as the page's table is: a column with no value in the file (no range of motion) would read as text.
	const SCORES = ['pain_pre', 'pain_post', 'stress_pre', 'stress_post', 'sleep_pre', 'sleep_post', 'rom_pct_pre', 'rom_pct_post', 'rom_pct_change'];
	const types = [...SCORES.map((c) => `${quoteLiteral(c)}: 'DOUBLE'`), `'month': 'DATE'`, `'session_number': 'INTEGER'`].join(', ');
	await db.exec(`CREATE TABLE facts_text AS SELECT * FROM read_csv(${quoteLiteral(csv)}, types = {${types}})`);
	// Its categories as ENUMs, as buildSessionFacts stores them.
	const casts = await enumCasts(db, CATEGORY_COLUMNS.map((c) => ({ column: c.column, source: c.column, from: 'facts_text' })));
	const replaced = Object.entries(casts).map(([column, cast]) => `${cast} AS ${column}`);
	await db.exec(`CREATE TABLE session_facts AS SELECT * REPLACE (${replaced.join(', ')}) FROM facts_text`);
	await buildClientCourses(db);
}
// As the page does once its first chart is drawn (not timed here, as there).
await buildOverviewRollups(db);
const options = await queryFilterOptions(db);
const params = overviewParams(() => options);

/** The filter the overview's filter bar gives for a view (as OverviewFilters does). */
function outcomeFilter(view: OverviewView): OutcomeFilter {
	const [from, to] = view.from && view.to && view.from > view.to ? [view.to, view.from] : [view.from, view.to];
	const one = (value: string) => (value ? [value] : []);
	return { from, to, techniques: view.techniques, conditions: one(view.condition), therapists: one(view.therapist), clinics: one(view.clinic) };
}

const searches: string[] = JSON.parse(readFileSync(viewsFile, 'utf8'));
const choices = searches.map((search) => {
	const { view, ignored } = readView(params, new URLSearchParams(search));
	if (ignored.length) throw new Error(`view ${search} could not be read natively: ${ignored.join('; ')}`);
	return { filter: outcomeFilter(view), timepoint: view.timepoint, picks: { technique: view.pickedTechnique, condition: view.pickedCondition } };
});
const run = (c: (typeof choices)[number]) => loadOverview(db, c.filter, c.timepoint, k, c.picks);
await run(choices[0]);
const times: number[] = [];
for (const choice of choices) {
	const started = performance.now();
	await run(choice);
	times.push(performance.now() - started);
}
// Each view's sessions and clients, which the Arquero peer must reproduce.
const checks = [];
for (const c of choices) {
	const kpis = await queryKpis(db, crossFilters(c.filter, c.picks).kpis);
	checks.push({ sessions: kpis.sessions, clients: kpis.clients });
}
await db.close();
// The filter each part of the overview was computed with, for the Arquero peer, which runs the same aggregations.
const parts = choices.map((c) => ({ timepoint: c.timepoint, ...crossFilters(c.filter, c.picks) }));
console.log(JSON.stringify({ times, parts, checks }));
