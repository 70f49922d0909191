// The benchmark: for each dataset size, imports a generated clinic export through /data in headless Chromium as a
// person does, opens the overview, then times a fixed, seeded sequence of filter changes, each from its input event
// to every chart redrawn and the frame painted (the page's `outcomes:overview-drawn` mark). Reads DuckDB's memory
// through the SQL console and the page's JS heap.
// Each size is then measured through a query server (serverColumn.js): the same changes, the dashboard connected to
// `npm run serve:db` over the same dataset. Sizes past what the tab holds (PAGE_MOST) are measured on the server only.
// Usage: npm run bench [-- 100000 1000000] (default 100000 1000000). Run `npm run build` first. BENCH_ONLY=server
// measures the server column alone and keeps each size's page figures from the latest.json already there;
// BENCH_SERVER=0 leaves the server column out (CI's smoke run).
// Writes latest.json and latest.md to bench/results/ (or to BENCH_OUT, e.g. for CI's smoke run). Generated files are
// cached in bench/cache/ (not in git).
import { execFileSync, execSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../find-chromium.js';
import { measureServer } from './serverColumn.js';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
const CHANGES = 30;
const port = Number(process.env.BENCH_PORT ?? 4393);
const CACHE = 'bench/cache';
const OUT = process.env.BENCH_OUT ?? 'bench/results';
/** The most sessions measured in the page: the memory budget admits about 12.2 million (memoryBudget.ts). */
const PAGE_MOST = 10_000_000;
const ONLY_SERVER = process.env.BENCH_ONLY === 'server';

const quantile = (xs, q) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

/**
 * Sessions per file at most. A larger export is written in parts and imported as a person with such an export would:
 * the first part as a new dataset, each next one added to it (a file of ten million sessions is more than a browser
 * reads at once).
 */
const PART_SESSIONS = 2_500_000;

/** The file names of an export of `rows` sessions: one file, or its parts. */
function exportFiles(rows) {
	const parts = Math.ceil(rows / PART_SESSIONS);
	const file = join(CACHE, `demo-sessions-${rows}`);
	return parts === 1 ? [`${file}.csv`] : Array.from({ length: parts }, (_, i) => `${file}-part${i + 1}of${parts}.csv`);
}

/** The demo generator's network export of `rows` sessions (scripts/bench/demoExport.ts), written once and kept in bench/cache/. */
function cachedExport(rows) {
	mkdirSync(CACHE, { recursive: true });
	const files = exportFiles(rows);
	if (!files.every((f) => existsSync(f))) {
		execFileSync('npx', ['tsx', 'scripts/bench/demoExport.ts', String(rows), ...files.map((f) => `${f}.partial`)], { stdio: 'inherit' });
		for (const f of files) renameSync(`${f}.partial`, f);
	}
	return files;
}

/** The same seeded sequence of filter changes for every size: which control, and which of its options. */
function filterSequence(count, seed = 20261125) {
	let state = seed;
	const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	const controls = ['filter-condition', 'filter-therapist', 'filter-clinic', 'charts-timepoint'];
	return Array.from({ length: count }, () => ({ control: controls[Math.floor(next() * controls.length)], pick: next() }));
}

/**
 * Waits for what a step leads to, or fails at once with the page's message when the page says the step failed
 * (`.failure[role=alert]`), with a screenshot in the results folder.
 */
async function stepTo(page, what, waitFor, timeout) {
	const failure = page.locator('.failure[role="alert"]').first();
	const outcome = await Promise.race([
		waitFor(timeout).then(() => null),
		failure.waitFor({ timeout }).then(async () => (await failure.innerText()).trim())
	]).catch((error) => `${what}: ${error.message.split('\n')[0]}`);
	if (outcome === null) return;
	mkdirSync(OUT, { recursive: true });
	await page.screenshot({ path: join(OUT, 'import-failed.png'), fullPage: true }).catch(() => undefined);
	throw new Error(`${what}: ${outcome}`);
}

/**
 * Imports the files as a person does: the first as a new dataset, each next one added to it once the one before is
 * kept. The time of each, from choosing the file to the link to the overview.
 */
async function importDataset(page, files) {
	const times = [];
	for (const [i, file] of files.entries()) {
		if (i > 0) {
			await stepTo(page, `keeping the dataset before ${file}`, (timeout) => page.waitForFunction(() => performance.getEntriesByName('outcomes:import-kept').length > 0, null, { timeout }), 1_800_000);
		}
		await page.goto(`http://localhost:${port}/data`);
		await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
		await page.waitForFunction(() => performance.getEntriesByName('outcomes:import-database-warm').length > 0, null, { timeout: 120_000 });
		const started = Date.now();
		await page.getByLabel('Import data').setInputFiles(file);
		const check = page.getByRole('button', { name: /^Check / });
		await stepTo(page, `reading ${file}`, (timeout) => check.waitFor({ timeout }), 1_800_000);
		if (i > 0) await page.getByLabel('Add to a dataset in this browser').check();
		await check.click();
		const commit = page.getByRole('button', { name: /^Import [\d,]+ rows/ });
		await stepTo(page, `checking ${file}`, (timeout) => commit.waitFor({ timeout }), 1_800_000);
		await commit.click();
		await stepTo(page, `importing ${file}`, (timeout) => page.getByRole('link', { name: 'See the overview' }).waitFor({ timeout }), 1_800_000);
		times.push(Date.now() - started);
		console.log(`${file}: imported in ${times.at(-1)} ms`);
	}
	return times;
}

/** Sets a select's value as a person's choice does (a change event) and times it to the next painted overview. */
async function timeChange(page, control, value) {
	const t0 = await page.evaluate(
		({ control, value }) => {
			const select = document.getElementById(control);
			const t = performance.now();
			select.value = value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			return t;
		},
		{ control, value }
	);
	return timeToDrawn(page, t0);
}

/** Clicks "Clear filters" and times it to the next painted overview: every session, read from the rollups. */
async function timeClearFilters(page) {
	const t0 = await page.evaluate(() => {
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Clear filters');
		const t = performance.now();
		button.click();
		return t;
	});
	return timeToDrawn(page, t0);
}

async function timeToDrawn(page, t0) {
	const drawn = await page.waitForFunction(
		(t0) => {
			const marks = performance.getEntriesByName('outcomes:overview-drawn').filter((m) => m.startTime > t0);
			return marks.length > 0 && !document.querySelector('[aria-busy="true"]') ? marks[marks.length - 1].startTime : null;
		},
		t0,
		{ timeout: 120_000, polling: 20 }
	);
	return (await drawn.jsonValue()) - t0;
}

async function runFilterSequence(page) {
	const options = await page.evaluate(() =>
		Object.fromEntries(
			['filter-condition', 'filter-therapist', 'filter-clinic', 'charts-timepoint'].map((id) => [id, [...document.getElementById(id).options].map((o) => o.value)])
		)
	);
	await page.evaluate(() => {
		performance.clearMarks('outcomes:result-remembered');
		performance.clearMarks('outcomes:overview-from-rollups');
		performance.clearMeasures('outcomes:overview-queries');
	});
	const times = [];
	const views = [];
	for (const { control, pick } of filterSequence(CHANGES)) {
		const current = await page.locator(`#${control}`).inputValue();
		const others = options[control].filter((v) => v !== current);
		times.push(await timeChange(page, control, others[Math.floor(pick * others.length)]));
		// The view as its link says it: the native reference runs the same views.
		views.push(new URL(page.url()).search);
	}
	const longTasks = await page.evaluate(() => window.__longTasks ?? []);
	const queries = await page.evaluate(() => performance.getEntriesByName('outcomes:overview-queries').map((m) => m.duration));
	const remembered = await page.evaluate(() => performance.getEntriesByName('outcomes:result-remembered').length);
	const fromRollups = await page.evaluate(() => performance.getEntriesByName('outcomes:overview-from-rollups').length);
	// Not one of the 30: the view of every session, which no filter narrows (computed afresh unless remembered).
	const cleared = await timeClearFilters(page);
	const clearedRemembered = (await page.evaluate(() => performance.getEntriesByName('outcomes:result-remembered').length)) > remembered;
	const clearedQueries = await page.evaluate(() => performance.getEntriesByName('outcomes:overview-queries').at(-1).duration);
	return { times, longTasks, queries, remembered, fromRollups, views, cleared: clearedRemembered ? null : { total: cleared, queries: clearedQueries } };
}

/** DuckDB's memory, asked through the SQL console in the same page session (the same database). */
async function duckdbMemoryMb(page) {
	await page.getByRole('link', { name: 'SQL', exact: true }).click();
	const editor = page.getByLabel('SQL query');
	await editor.waitFor({ timeout: 60_000 });
	await editor.fill('SELECT round(sum(memory_usage_bytes) / 1048576, 1) AS mb FROM duckdb_memory()');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const cell = page.getByRole('region', { name: 'Query result' }).locator('tbody td').first();
	await cell.waitFor();
	return Number(await cell.innerText());
}

/** Opens the overview afresh, as a reload does once the dataset is kept: the time to its first chart, and then DuckDB's memory. */
async function reloadKept(page) {
	const started = Date.now();
	await page.goto(`http://localhost:${port}/`);
	const errors = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	try {
		await page.getByRole('figure', { name: 'Pain (0-10) by technique' }).locator('svg[aria-hidden="true"]').waitFor({ timeout: 600_000 });
	} catch (error) {
		await page.screenshot({ path: join(OUT, 'reload-failed.png') });
		console.log(errors, (await page.locator('main').innerText()).slice(0, 2000));
		throw error;
	}
	const first_chart_ms = Date.now() - started;
	// Then the database's own figures (the first chart may be the remembered view), from the navigation's start.
	await page.waitForFunction(() => performance.getEntriesByName('outcomes:first-result').length > 0, null, { timeout: 600_000 });
	const first_result_ms = Math.round(await page.evaluate(() => performance.getEntriesByName('outcomes:first-result')[0].startTime));
	// The rollups' build ends with the tables compressed in memory.
	await page.waitForFunction(() => performance.getEntriesByName('outcomes:rollups-built').length > 0, null, { timeout: 900_000 });
	return { first_chart_ms, first_result_ms, duckdb_memory_mb: await duckdbMemoryMb(page) };
}

/**
 * The same views on native DuckDB (2 threads, as this machine has 2 cores) over the session facts the page held,
 * downloaded through the SQL console. Null when the table is larger than the console exports.
 */
async function nativeReference(page, rows, views) {
	const editor = page.getByLabel('SQL query');
	// The columns the overview's queries read (not the session ids and dates), so the peers hold no more than they need.
	await editor.fill('SELECT * EXCLUDE (session_id, session_date) FROM session_facts');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.getByRole('region', { name: 'Query result' }).locator('thead', { hasText: 'primary_technique' }).waitFor({ timeout: 120_000 });
	if (rows > 1_000_000) return null;
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Download CSV' }).click()]);
	const csv = join(CACHE, `session-facts-${rows}.csv`);
	await download.saveAs(csv);
	const viewsFile = join(CACHE, `views-${rows}.json`);
	writeFileSync(viewsFile, JSON.stringify(views));
	const run = (threads) => {
		const output = execFileSync('npx', ['tsx', 'scripts/bench/nativePeer.ts', csv, viewsFile, '11', String(threads)], { encoding: 'utf8', maxBuffer: 1 << 26 });
		return JSON.parse(output.trim().split('\n').at(-1));
	};
	const { times, parts, checks } = run(2);
	// One thread, as DuckDB-wasm runs in the page: the cost of wasm itself, apart from parallelism.
	const single = run(1).times;
	return {
		native: { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), threads: 2 },
		native_1_thread: { p50: round(quantile(single, 0.5)), p95: round(quantile(single, 0.95)), threads: 1 },
		csv,
		parts,
		checks
	};
}

/**
 * The same views' aggregations in Arquero, in a page of the same browser, over the same session facts: each view
 * timed from the call to its numbers (no drawing). Loading the table is not timed.
 */
async function arqueroReference(context, csv, parts, checks) {
	// A page of its own origin that serves the rows as a file (a file this large cannot pass through the driver).
	const server = createServer((request, response) => {
		if (request.url === '/session-facts.csv') {
			response.writeHead(200, { 'content-type': 'text/csv' });
			createReadStream(csv).pipe(response);
		} else {
			response.writeHead(200, { 'content-type': 'text/html' });
			response.end('<!doctype html><title>Arquero peer</title>');
		}
	});
	await new Promise((resolve) => server.listen(port + 1, resolve));
	const page = await context.newPage();
	try {
		await page.goto(`http://localhost:${port + 1}/`);
		await page.addScriptTag({ path: 'node_modules/arquero/dist/arquero.min.js' });
		await page.evaluate(() => {
			window.op = window.aq.op;
		});
		await page.addScriptTag({ path: 'scripts/bench/arqueroPeer.js' });
		await page.evaluate(async () => window.__arqueroPeer.load(await (await fetch('/session-facts.csv')).text()));
		const { times, counts } = await page.evaluate((views) => {
			window.__arqueroPeer.run(views[0]);
			const counts = [];
			const times = views.map((view) => {
				const started = performance.now();
				const { kpis } = window.__arqueroPeer.run(view);
				const elapsed = performance.now() - started;
				counts.push({ sessions: kpis.sessions, clients: kpis.clients });
				return elapsed;
			});
			return { times, counts };
		}, parts);
		// The peer must do the same work: its sessions and clients for every view are the queries' own.
		if (JSON.stringify(counts) !== JSON.stringify(checks)) throw new Error(`Arquero peer disagrees with the queries: ${JSON.stringify(counts)} vs ${JSON.stringify(checks)}`);
		return { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)) };
	} finally {
		await page.close();
		server.close();
	}
}

async function measure(browser, rows) {
	const files = cachedExport(rows);
	// As on a first visit: the offline copy (a service worker) is not yet there, and its caching is not measured.
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
	await context.addInitScript(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
	});
	try {
		const page = await context.newPage();
		const load_parts_ms = await importDataset(page, files);
		const load_ms = load_parts_ms.reduce((a, b) => a + b, 0);
		console.log(`${rows} rows: imported and queryable in ${load_ms} ms`);
		const opened = Date.now();
		await page.getByRole('link', { name: 'See the overview' }).click();
		await page.getByRole('figure', { name: 'Pain (0-10) by technique' }).locator('svg[aria-hidden="true"]').waitFor({ timeout: 600_000 });
		const first_chart_ms = Date.now() - opened;
		// The new dataset is kept in the browser in the background; the filter changes are timed after that.
		await stepTo(page, 'keeping the dataset', (timeout) => page.waitForFunction(() => performance.getEntriesByName('outcomes:import-kept').length > 0, null, { timeout }), 1_800_000);
		const longest_task_while_keeping_ms = await page.evaluate(() => Math.max(0, ...window.__longTasks));
		const kept_after_first_chart_ms = Math.round(
			await page.evaluate(() => performance.getEntriesByName('outcomes:import-kept')[0].startTime - performance.getEntriesByName('outcomes:first-chart').at(-1).startTime)
		);
		// The overview's rollups are built in the background after the first chart; the changes are timed after that too.
		await page.waitForFunction(() => performance.getEntriesByName('outcomes:rollups-built').length > 0, null, { timeout: 900_000 });
		const rollups_built_after_first_chart_ms = Math.round(
			await page.evaluate(() => performance.getEntriesByName('outcomes:rollups-built')[0].startTime - performance.getEntriesByName('outcomes:first-chart').at(-1).startTime)
		);
		// The rollups' build ends with the tables compressed in memory (after any compression asked for before).
		const compacted_after_first_chart_ms = Math.round(
			await page.evaluate(() => performance.getEntriesByName('outcomes:tables-compacted').at(-1).startTime - performance.getEntriesByName('outcomes:first-chart').at(-1).startTime)
		);
		await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 600_000 });
		await page.evaluate(() => (window.__longTasks = []));
		const { times, longTasks, queries, remembered, fromRollups, views, cleared } = await runFilterSequence(page);
		const cdp = await context.newCDPSession(page);
		const heap = await cdp.send('Runtime.getHeapUsage');
		const duckdb_memory_mb = await duckdbMemoryMb(page);
		const reference = await nativeReference(page, rows, views);
		const native = reference?.native ?? null;
		const native_1_thread = reference?.native_1_thread ?? null;
		const reload = await reloadKept(page);
		// The app's page closes first: pages of one site share a renderer process, and so its memory.
		await page.close();
		const arquero = reference ? await arqueroReference(context, reference.csv, reference.parts, reference.checks) : null;
		const result = {
			rows,
			load_ms,
			/** Of an export imported in parts (the first a new dataset, each next one added to it), each part's time. */
			load_parts_ms,
			first_chart_ms,
			kept_after_first_chart_ms,
			rollups_built_after_first_chart_ms,
			/** The tables compressed in memory, after the rollups (each checkpoint holds the engine while it runs). */
			compacted_after_first_chart_ms,
			/** A reload of the page once the dataset is kept: from navigation to the first chart drawn. */
			reload_first_chart_ms: reload.first_chart_ms,
			/** And to the database's own figures drawn (the first chart may be the view remembered from the last visit). */
			reload_first_result_ms: reload.first_result_ms,
			/** And DuckDB's memory once that reload's tables are compressed. */
			reload_duckdb_memory_mb: reload.duckdb_memory_mb,
			/** The longest main-thread task from the import to the dataset kept. */
			longest_task_while_keeping_ms,
			filter: { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), max: round(Math.max(...times)), changes: times.length },
			filter_ms: times.map(Math.round),
			/** Of each change, the time the overview's queries took (the rest is drawing and waiting). */
			queries_p50_ms: round(quantile(queries, 0.5)),
			queries_ms: queries.map(Math.round),
			/** "Clear filters" after the 30 changes: every session, from the rollups (null if the view was remembered). */
			all_sessions_view_ms: cleared === null ? null : Math.round(cleared.total),
			all_sessions_view_queries_ms: cleared === null ? null : Math.round(cleared.queries),
			/** Changes back to a view shown in the last 16, answered from the page's memory of results. */
			remembered_views: remembered,
			/** Of the changes computed, those read from the overview's rollups (no therapist or clinic filter). */
			views_from_rollups: fromRollups,
			long_tasks_over_50ms: longTasks.filter((d) => d > 50).length,
			longest_task_ms: Math.max(0, ...longTasks),
			peers: { arquero, native, native_1_thread },
			/** Why the references are null: they read the session facts through the SQL console, which keeps a million rows. */
			...(reference ? {} : { peers_not_run: 'the SQL console keeps at most 1,000,000 rows of the session facts the references read; native DuckDB over the same rows is server.native' }),
			duckdb_memory_mb,
			js_heap_mb: round(heap.usedSize / 1048576)
		};
		console.log(JSON.stringify(result));
		return result;
	} finally {
		await context.close();
	}
}

function markdown(report) {
	const lines = [
		`Benchmark, commit ${report.commit.slice(0, 7)}, ${report.date.slice(0, 10)}, ${report.machine}`,
		'',
		'| sessions | import to queryable | first chart | filter change p50 | p95 | max | Arquero p50 / p95 | page ÷ Arquero (p95) | native DuckDB p50 / p95 | page ÷ native (p95) | native, 1 thread, p50 / p95 | page ÷ native 1 thread (p95) | long tasks > 50 ms | DuckDB memory | JS heap |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	const peer = (p) => (p ? `${p.p50} / ${p.p95} ms` : 'not measured');
	const ratio = (r, p) => (p ? `${(r.filter.p95 / p.p95).toFixed(2)}×` : '–');
	for (const r of report.results.filter((r) => r.filter)) {
		const { arquero, native, native_1_thread: single } = r.peers;
		lines.push(
			`| ${r.rows.toLocaleString('en-CA')} | ${(r.load_ms / 1000).toFixed(1)} s | ${(r.first_chart_ms / 1000).toFixed(1)} s | ${r.filter.p50} ms | ${r.filter.p95} ms | ${r.filter.max} ms | ${peer(arquero)} | ${ratio(r, arquero)} | ${peer(native)} | ${ratio(r, native)} | ${peer(single)} | ${ratio(r, single)} | ${r.long_tasks_over_50ms} (longest ${r.longest_task_ms} ms) | ${r.duckdb_memory_mb} MB | ${r.js_heap_mb} MB |`
		);
	}
	lines.push('', '| sessions | through a query server: start | first chart | filter change p50 | p95 | native DuckDB queried directly p50 / p95 | server ÷ native (p95) |', '|---|---|---|---|---|---|---|');
	for (const r of report.results.filter((r) => r.server)) {
		const s = r.server;
		lines.push(`| ${r.rows.toLocaleString('en-CA')} | ${(s.start_ms / 1000).toFixed(1)} s | ${(s.first_chart_ms / 1000).toFixed(1)} s | ${s.p50} ms | ${s.p95} ms | ${peer(s.native)} | ${(s.p95 / s.native.p95).toFixed(2)}× |`);
	}
	lines.push(
		'',
		`Filter change: ${CHANGES} seeded changes of condition, therapist, clinic and timepoint, each from the input event to every chart redrawn and painted.`,
		'Native DuckDB: the same views through the same queries (loadOverview) on @duckdb/node-api with 2 threads and with 1 (as DuckDB-wasm runs in the page), over the session facts the page held; queries only, no drawing.',
		'Arquero 7: the same aggregations (key figures, four trends at three levels with distinct clients, clients by condition) in a page of the same browser, over the same rows; no drawing.'
	);
	return lines.join('\n') + '\n';
}

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: [
		'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
		// Room for the Arquero peer's million-row table in the page's JavaScript heap.
		'--js-flags=--max-old-space-size=8192'
	]
});
try {
	const previous = ONLY_SERVER && existsSync(join(OUT, 'latest.json')) ? JSON.parse(readFileSync(join(OUT, 'latest.json'), 'utf8')) : null;
	const results = [];
	for (const rows of sizes) {
		let result;
		if (rows > PAGE_MOST) result = { rows, page: `not measured: past the ${PAGE_MOST.toLocaleString('en-CA')} sessions the tab is measured with` };
		else if (ONLY_SERVER) {
			const kept = previous?.results.find((r) => r.rows === rows);
			result = kept ? { ...kept, page_commit: kept.page_commit ?? previous.commit } : { rows, page: 'not measured in this run' };
		} else result = await measure(browser, rows);
		if (process.env.BENCH_SERVER !== '0') result.server = await measureServer(browser, rows, { cachedExport, runFilterSequence });
		results.push(result);
	}
	const report = {
		commit: execSync('git rev-parse HEAD').toString().trim(),
		date: new Date().toISOString(),
		machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}, headless Chromium`,
		results
	};
	mkdirSync(OUT, { recursive: true });
	writeFileSync(join(OUT, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
	writeFileSync(join(OUT, 'latest.md'), markdown(report));
	console.log(markdown(report));
} finally {
	await browser.close();
	server.kill();
}
