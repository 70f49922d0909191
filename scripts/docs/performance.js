// Writes the measured figures in docs/performance.md, between `<!-- bench:start -->` and `<!-- bench:end -->`, from
// the files the measurements write: bench/results/startup.json (npm run measure:startup), bench/results/import.json
// (npm run measure:import) and bench/results/latest.json (npm run bench). Nothing in that region is typed by hand.
// Usage: npm run docs:performance (after a measurement). tests/unit/docsPerformance.test.ts fails when the region
// differs from what this script writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const START_MARKER = '<!-- bench:start -->';
export const END_MARKER = '<!-- bench:end -->';

/** The aims the measurements are read against (the product's targets, not measurements). */
export const AIMS = {
	/** Navigation to the first chart of the demo data. */
	firstChartMs: 2000,
	/** A million visit rows, from choosing the file until the dashboard shows them. */
	importMillionMs: 8000,
	/** DuckDB's memory per million sessions, in MB. */
	memoryPerMillionMb: 300,
	/** A kept dataset of a million sessions: kept within this after the first chart, and shown again after a reload within this. */
	keptMillionMs: 3000,
	reloadMillionMs: 2000,
	/** A filter change repainted, p95, at a million sessions. */
	filterP95Ms: 100,
	/** The page's p95 over Arquero's, at a million sessions: at most half. */
	arqueroRatio: 0.5,
	/** Through a query server at ten million sessions: a filter change repainted within this (p95), and at most this over native DuckDB queried directly. */
	serverTenMillionP95Ms: 250,
	serverNativeRatio: 1.5,
	/** The page's p95 over native DuckDB's, at a million sessions: at most twice. */
	nativeRatio: 2,
	/** Ten million sessions: a filter change within 250 ms (p95). */
	tenMillionFilterP95Ms: 250,
	/** A browser tab's WebAssembly memory, in MB (4 GB). */
	wasmMemoryMb: 4096
};

/**
 * @typedef {{ first_chart_ms: number, first_result_ms?: number, duckdb_start_ms: number, data_load_ms: number }} StartupRun
 * @typedef {{
 *   date: string,
 *   runs: StartupRun[],
 *   median: StartupRun,
 *   filter_change_queries_ms: { count: number, median: number, max: number },
 *   sizes_bytes: { build_uncompressed: number, wasm: number, wasm_brotli: number, demo_data: number }
 * }} StartupResults
 * @typedef {{
 *   rows: number, file_mb: number, read_and_map_ms: number, check_ms: number, import_ms: number, overview_ms: number,
 *   until_dashboard_ms: number, kept_after_dashboard_ms: number, marks_ms: Record<string, number>
 * }} ImportRun
 * @typedef {{ what: string, results: ImportRun[], measured_at: string }} ImportResults
 * @typedef {{ p50: number, p95: number, threads?: number }} PeerTimes
 * @typedef {{
 *   rows: number, load_ms: number, first_chart_ms: number, kept_after_first_chart_ms: number,
 *   rollups_built_after_first_chart_ms: number, longest_task_while_keeping_ms: number,
 *   filter: { p50: number, p95: number, max: number, changes: number }, filter_ms: number[],
 *   queries_p50_ms: number, queries_ms: number[],
 *   all_sessions_view_ms: number | null, all_sessions_view_queries_ms: number | null,
 *   remembered_views: number, views_from_rollups: number, long_tasks_over_50ms: number, longest_task_ms: number,
 *   peers: { arquero: PeerTimes | null, native: PeerTimes | null, native_1_thread: PeerTimes | null },
 *   duckdb_memory_mb: number, js_heap_mb: number,
 *   reload_first_chart_ms?: number, reload_first_result_ms?: number, reload_duckdb_memory_mb?: number, load_parts_ms?: number[],
 *   page?: string, page_commit?: string, server?: ServerRun
 * }} BenchRun
 * @typedef {{
 *   p50: number, p95: number, max: number, changes: number, filter_ms: number[], first_chart_ms: number, start_ms: number,
 *   generate_s: number | null, native: PeerTimes
 * }} ServerRun
 * @typedef {{ commit: string, date: string, machine: string, results: BenchRun[] }} BenchResults
 * @typedef {{ startup: StartupResults | null, imports: ImportResults | null, bench: BenchResults | null }} PerformanceResults
 */

const count = (/** @type {number} */ n) => n.toLocaleString('en-CA');
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const millis = (/** @type {number} */ ms) => `${count(ms)} ms`;
const megabytes = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const kilobytes = (/** @type {number} */ bytes) => `${Math.round(bytes / 1e3)} kB`;
const day = (/** @type {string} */ iso) => iso.slice(0, 10);
const ratio = (/** @type {number} */ r) => `${r.toFixed(2)}×`;
const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'not met');
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** @param {string} path */
function readJson(path) {
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * The measurements as the scripts wrote them; a file not (yet) written is null.
 * @param {string} dir
 * @returns {PerformanceResults}
 */
export function readPerformanceResults(dir = 'bench/results') {
	return {
		startup: readJson(join(dir, 'startup.json')),
		imports: readJson(join(dir, 'import.json')),
		bench: readJson(join(dir, 'latest.json'))
	};
}

/** @param {StartupResults | null} startup */
function startupSection(startup) {
	if (!startup) return ['### Start-up', '', 'Not measured: `bench/results/startup.json` is not there. Run `npm run build && npm run measure:startup`.'];
	const { runs, median: m, filter_change_queries_ms: queries, sizes_bytes: sizes } = startup;
	const range = (/** @type {keyof StartupRun} */ key) => {
		const values = runs.map((r) => r[key] ?? 0);
		return `${seconds(m[key] ?? 0)} | ${seconds(Math.min(...values))} | ${seconds(Math.max(...values))}`;
	};
	return [
		'### Start-up',
		'',
		`From \`bench/results/startup.json\`, measured ${day(startup.date)} (the file does not record the machine): ${runs.length} cold loads of the demo data.`,
		'',
		`| | median of ${runs.length} | fastest | slowest |`,
		'|---|---|---|---|',
		`| navigation → first chart drawn | ${range('first_chart_ms')} |`,
		...(m.first_result_ms === undefined ? [] : [`| navigation → the database's own figures drawn | ${range('first_result_ms')} |`]),
		`| DuckDB's start (worker and wasm) | ${range('duckdb_start_ms')} |`,
		`| loading the demo data | ${range('data_load_ms')} |`,
		'',
		`Aim: the first chart within ${seconds(AIMS.firstChartMs)}: ${met(m.first_chart_ms <= AIMS.firstChartMs)} (${seconds(m.first_chart_ms)}).`,
		'',
		`The overview's queries after a filter change (each condition chosen in turn, ${queries.count} measured): median ${millis(queries.median)}, slowest ${millis(queries.max)}.`,
		'',
		`Sizes: the DuckDB wasm is ${megabytes(sizes.wasm)}, sent as ${megabytes(sizes.wasm_brotli)} with brotli; the whole build is ${megabytes(sizes.build_uncompressed)} uncompressed; the demo data are ${kilobytes(sizes.demo_data)} of gzipped CSV.`
	];
}

/** @param {ImportResults | null} imports */
function importSection(imports) {
	if (!imports) return ['### Import', '', 'Not measured: `bench/results/import.json` is not there. Run `npm run build && npm run measure:import`.'];
	const lines = [
		'### Import',
		'',
		`From \`bench/results/import.json\`, measured ${day(imports.measured_at)} (the file does not record the machine): ${imports.what}.`,
		'',
		'| rows (file) | file chosen → mapping shown | check | import | overview drawn | until the dashboard shows it | then kept in this browser |',
		'|---|---|---|---|---|---|---|'
	];
	for (const r of imports.results) {
		lines.push(
			`| ${count(r.rows)} (${r.file_mb} MB) | ${seconds(r.read_and_map_ms)} | ${seconds(r.check_ms)} | ${seconds(r.import_ms)} | ${seconds(r.overview_ms)} | **${seconds(r.until_dashboard_ms)}** | ${seconds(r.kept_after_dashboard_ms)} more |`
		);
	}
	const reader = imports.results
		.filter((r) => r.marks_ms['import-staged'] !== undefined && r.marks_ms['import-database-ready'] !== undefined)
		.map((r) => `${seconds(r.marks_ms['import-staged'] - r.marks_ms['import-database-ready'])} at ${count(r.rows)} rows`);
	if (reader.length > 0) lines.push('', `Of the first step, DuckDB's CSV reader (the page's marks \`import-database-ready\` to \`import-staged\`): ${reader.join(', ')}.`);
	const million = imports.results.find((r) => r.rows === 1_000_000);
	lines.push(
		'',
		million
			? `Aim: a million rows shown within ${seconds(AIMS.importMillionMs)}: ${met(million.until_dashboard_ms <= AIMS.importMillionMs)} (${seconds(million.until_dashboard_ms)}).`
			: `Aim: a million rows shown within ${seconds(AIMS.importMillionMs)}: not measured in this run.`
	);
	return lines;
}

/** @param {PeerTimes | null} peer */
const peerTimes = (peer) => (peer ? `${peer.p50} / ${peer.p95} ms` : 'not measured');

/** @param {BenchRun} run @param {PeerTimes | null} peer */
const peerRatio = (run, peer) => (peer ? ratio(run.filter.p95 / peer.p95) : '–');

/** @param {BenchRun} r */
function firstChange(r) {
	if (r.filter_ms.length === 0 || r.queries_ms.length === 0) return null;
	const slowest = r.filter_ms[0] === Math.max(...r.filter_ms) ? ', the slowest of them' : '';
	return `the first change took ${millis(r.filter_ms[0])} (${millis(r.queries_ms[0])} of queries)${slowest}`;
}

/** @param {BenchResults | null} bench */
function benchSection(bench) {
	if (!bench) return ['### Benchmark', '', 'Not measured: `bench/results/latest.json` is not there. Run `npm run build && npm run bench`.'];
	const lines = [
		'### Benchmark',
		'',
		`From \`bench/results/latest.json\`: commit ${bench.commit.slice(0, 7)}, ${day(bench.date)}, ${bench.machine}.`,
		'',
		'The page:',
		'',
		'| sessions | import to queryable | first chart | rollups built after it | filter change p50 | p95 | slowest | every session (Clear filters) | tasks over 50 ms (longest) | longest task while keeping | DuckDB memory | JS heap |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	const inPage = bench.results.filter((r) => r.filter);
	for (const r of inPage) {
		const cleared = r.all_sessions_view_ms === null ? 'remembered' : `${millis(r.all_sessions_view_ms)} (${millis(r.all_sessions_view_queries_ms ?? 0)} of queries)`;
		lines.push(
			`| ${count(r.rows)} | ${seconds(r.load_ms)}${(r.load_parts_ms?.length ?? 1) > 1 ? ` (${r.load_parts_ms?.length} files, each added to the dataset)` : ''} | ${seconds(r.first_chart_ms)} | ${r.rollups_built_after_first_chart_ms < 1000 && r.first_chart_ms > 60_000 ? 'before it (the first chart waits for them)' : seconds(r.rollups_built_after_first_chart_ms)} | ${millis(r.filter.p50)} | ${millis(r.filter.p95)} | ${millis(r.filter.max)} | ${cleared} | ${r.long_tasks_over_50ms} (${millis(r.longest_task_ms)}) | ${seconds(r.longest_task_while_keeping_ms)} | ${count(r.duckdb_memory_mb)} MB | ${count(r.js_heap_mb)} MB |`
		);
	}
	lines.push(
		'',
		"The same views on the references, measured in the same run over the same rows (queries only, no drawing). A ratio is the page's p95 over the reference's p95:",
		'',
		'| sessions | page p50 / p95 | Arquero p50 / p95 | page ÷ Arquero | native DuckDB, 2 threads, p50 / p95 | page ÷ native | native DuckDB, 1 thread, p50 / p95 | page ÷ native 1 thread |',
		'|---|---|---|---|---|---|---|---|'
	);
	for (const r of inPage) {
		const { arquero, native_1_thread: single } = r.peers;
		// Where the page's own native reference was not run, native DuckDB over the same rows and views from the server column.
		const native = r.peers.native ?? r.server?.native ?? null;
		const served = r.peers.native === null && native !== null ? ' (server column, same rows)' : '';
		lines.push(
			`| ${count(r.rows)} | ${r.filter.p50} / ${r.filter.p95} ms | ${peerTimes(arquero)} | ${peerRatio(r, arquero)} | ${peerTimes(native)}${served} | ${peerRatio(r, native)} | ${peerTimes(single)} | ${peerRatio(r, single)} |`
		);
	}
	const unpeered = inPage.filter((r) => r.peers.arquero === null).map((r) => count(r.rows));
	if (unpeered.length > 0) {
		lines.push(
			'',
			`At ${unpeered.join(' and ')} sessions the references were not run on the page's own rows: they read the session facts downloaded through the SQL console, which keeps at most a million rows of a result, and Arquero would hold the rows in a page's JavaScript heap. Native DuckDB over the same rows and views is the server column's "queried directly", shown above where there is one.`
		);
	}
	const kept = inPage.filter((r) => r.reload_first_chart_ms !== undefined);
	if (kept.length > 0) {
		lines.push(
			'',
			'Kept and shown again: the dataset kept in this browser after the import, then the page reloaded (the overview opened afresh, as on a later visit).',
			'',
			"| sessions | kept, after the first chart | reload → first chart | reload → the database's own figures | DuckDB memory after the reload |",
			'|---|---|---|---|---|'
		);
		for (const r of kept) {
			lines.push(
				`| ${count(r.rows)} | ${r.kept_after_first_chart_ms < 0 ? `${seconds(-r.kept_after_first_chart_ms)} before it` : seconds(r.kept_after_first_chart_ms)} | ${seconds(r.reload_first_chart_ms ?? 0)} | ${seconds(r.reload_first_result_ms ?? 0)} | ${count(r.reload_duckdb_memory_mb ?? 0)} MB |`
			);
		}
	}
	const outOfPage = bench.results.filter((r) => !r.filter);
	if (outOfPage.length > 0) lines.push('', ...outOfPage.map((r) => `At ${count(r.rows)} sessions the page was ${r.page ?? 'not measured'}.`));
	const older = [...new Set(inPage.map((r) => r.page_commit).filter((c) => c !== undefined))];
	if (older.length > 0) lines.push('', `The page's figures are from commit ${older.map((c) => c.slice(0, 7)).join(', ')}'s run; the server's were measured with the commit above.`);
	lines.push('', ...serverSection(bench), '', ...aims(bench), '', ...changes(bench));
	return lines;
}

/** @param {BenchResults} bench */
function serverSection(bench) {
	const served = bench.results.filter((r) => r.server);
	if (served.length === 0) return ['Through a query server: not measured in this run.'];
	const lines = [
		'Through a query server (`npm run serve:db` on this machine, 2 cores, over a DuckDB file of the same dataset; [scale.md](scale.md)): the same changes, the dashboard connected to it, each from the input event to every chart painted; and the same views\' queries on native DuckDB queried directly (2 threads, no HTTP, no drawing):',
		'',
		'| sessions | server start (its file attached, the overview\'s rollups built) | first chart | filter change p50 | p95 | slowest | native DuckDB queried directly p50 / p95 | server ÷ native (p95) |',
		'|---|---|---|---|---|---|---|---|'
	];
	for (const r of served) {
		const s = /** @type {ServerRun} */ (r.server);
		lines.push(
			`| ${count(r.rows)} | ${seconds(s.start_ms)} | ${seconds(s.first_chart_ms)} | ${millis(s.p50)} | ${millis(s.p95)} | ${millis(s.max)} | ${s.native.p50} / ${s.native.p95} ms | ${ratio(s.p95 / s.native.p95)} |`
		);
	}
	const ten = served.find((r) => r.rows === 10_000_000)?.server;
	const largest = served.at(-1);
	lines.push('');
	if (ten) {
		lines.push(
			`Aims through the server at ten million sessions: a filter change within ${millis(AIMS.serverTenMillionP95Ms)} (p95): ${met(ten.p95 <= AIMS.serverTenMillionP95Ms)} (${millis(ten.p95)}); at most ${AIMS.serverNativeRatio}× native DuckDB queried directly: ${met(ten.p95 / ten.native.p95 <= AIMS.serverNativeRatio)} (${ratio(ten.p95 / ten.native.p95)}).`
		);
	} else lines.push('Aims through the server at ten million sessions: not measured in this run.');
	if (largest && largest.server?.generate_s) lines.push('', `The ${count(largest.rows)}-session dataset took ${count(largest.server.generate_s)} s to make in this run.`);
	return lines;
}

/** @param {BenchResults} bench */
function aims(bench) {
	const million = bench.results.find((r) => r.rows === 1_000_000);
	if (!million) return ['Aims at a million sessions: not measured in this run.'];
	const { arquero, native, native_1_thread: single } = million.peers;
	const against = (/** @type {PeerTimes | null} */ peer, /** @type {number} */ most) =>
		peer ? `${met(million.filter.p95 / peer.p95 <= most)} (${peerRatio(million, peer)})` : 'not measured';
	const perMillion = million.duckdb_memory_mb;
	const lines = [
		'Aims at a million sessions:',
		'',
		`- DuckDB's memory at most ${count(AIMS.memoryPerMillionMb)} MB: ${met(perMillion <= AIMS.memoryPerMillionMb)} (${count(perMillion)} MB);`,
		...(million.reload_first_chart_ms === undefined
			? []
			: [
					`- kept within ${seconds(AIMS.keptMillionMs)} of the first chart: ${met(million.kept_after_first_chart_ms <= AIMS.keptMillionMs)} (${seconds(million.kept_after_first_chart_ms)});`,
					`- a reload of the kept dataset to its first chart within ${seconds(AIMS.reloadMillionMs)}: ${met(million.reload_first_chart_ms <= AIMS.reloadMillionMs)} (${seconds(million.reload_first_chart_ms)}), and to the database's own figures ${seconds(million.reload_first_result_ms ?? 0)};`
				]),
		`- a filter change repainted within ${millis(AIMS.filterP95Ms)} (p95): ${met(million.filter.p95 <= AIMS.filterP95Ms)} (${millis(million.filter.p95)});`,
		`- at most half Arquero's time: ${against(arquero, AIMS.arqueroRatio)};`,
		`- at most twice native DuckDB's: on one thread, as the page runs, ${against(single, AIMS.nativeRatio)}; on two threads, ${against(native, AIMS.nativeRatio)}.`
	];
	const tenMillion = bench.results.find((r) => r.rows === 10_000_000);
	if (tenMillion) {
		lines.push(`- at ten million sessions, within ${millis(AIMS.tenMillionFilterP95Ms)} (p95): ${met(tenMillion.filter.p95 <= AIMS.tenMillionFilterP95Ms)} (${millis(tenMillion.filter.p95)}).`);
	} else {
		const needed = (million.duckdb_memory_mb * 10) / 1000;
		const fits = million.duckdb_memory_mb * 10 <= AIMS.wasmMemoryMb;
		lines.push(
			'',
			fits
				? `Ten million sessions (aim: ${millis(AIMS.tenMillionFilterP95Ms)} p95) were not run in this measurement (\`npm run bench -- 10000000\` imports them in four files, each added to the dataset): at the ${count(million.duckdb_memory_mb)} MB of DuckDB memory measured for a million, they would hold about ${needed.toFixed(1)} GB once imported.`
				: `Ten million sessions (aim: ${millis(AIMS.tenMillionFilterP95Ms)} p95) are not run: at the ${count(million.duckdb_memory_mb)} MB of DuckDB memory measured for a million, they would need about ${needed.toFixed(0)} GB, which does not fit in a browser tab's 4 GB of WebAssembly memory.`
		);
	}
	return lines;
}

/** @param {BenchResults} bench */
function changes(bench) {
	return bench.results.filter((r) => r.filter).map((r) => {
		const parts = [
			`${r.remembered_views} of the ${r.filter.changes} changes came back from the page's memory of views`,
			`${r.views_from_rollups} read the rollups`,
			`the overview's queries took ${millis(r.queries_p50_ms)} of a change at the median (the rest is drawing and waiting)`
		];
		const first = firstChange(r);
		if (first) parts.push(first);
		return `- At ${count(r.rows)} sessions, ${parts.join('; ')}.`;
	});
}

/**
 * The text between the markers, from the measurements: a pure function of its argument.
 * @param {PerformanceResults} results
 * @returns {string}
 */
export function performanceRegion(results) {
	const lines = [
		'<!-- Written by `npm run docs:performance` (scripts/docs/performance.js) from bench/results/*.json: change the script or rerun a measurement, not this text. -->',
		'',
		...startupSection(results.startup),
		'',
		...importSection(results.imports),
		'',
		...benchSection(results.bench)
	];
	return `\n${lines.join('\n')}\n`;
}

/**
 * The region of a document between the markers (without them), or null when a marker is missing.
 * @param {string} doc
 */
export function generatedRegion(doc) {
	const start = doc.indexOf(START_MARKER);
	const end = doc.indexOf(END_MARKER);
	if (start < 0 || end < start) return null;
	return doc.slice(start + START_MARKER.length, end);
}

/**
 * The document with its region replaced.
 * @param {string} doc
 * @param {string} region
 */
export function withRegion(doc, region) {
	const start = doc.indexOf(START_MARKER);
	const end = doc.indexOf(END_MARKER);
	if (start < 0 || end < start) throw new Error(`invalid docs/performance.md: it needs ${START_MARKER} followed by ${END_MARKER}`);
	return doc.slice(0, start + START_MARKER.length) + region + doc.slice(end);
}

// Run as a script: rewrite docs/performance.md in place.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const path = process.argv[2] ?? 'docs/performance.md';
	const doc = readFileSync(path, 'utf8');
	const next = withRegion(doc, performanceRegion(readPerformanceResults(process.argv[3] ?? 'bench/results')));
	if (next !== doc) writeFileSync(path, next);
	console.log(next === doc ? `${path}: already up to date` : `${path}: measured figures rewritten`);
}
