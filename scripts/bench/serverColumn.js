// The benchmark's server column: the same seeded filter changes as in the tab, on the dashboard connected to a query
// server (npm run serve:db) over the same dataset, each from its input event to every chart painted; and the same
// views' queries on native DuckDB queried directly (scripts/bench/nativePeer.ts on the same database file).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CACHE = 'bench/cache';
const SERVER_PORT = Number(process.env.BENCH_SERVER_PORT ?? 4395);
const TOKEN = 'bench-server-token-0123456789abcdef';
/** Sizes past this are made as copies of a dataset of this size (servedDatabase.ts --copies). */
export const COPIED_FROM = 10_000_000;

const quantile = (xs, q) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

/**
 * The server's dataset of `rows` sessions as a DuckDB file, made once and kept in bench/cache/: the page's export
 * imported with the page's import steps, or copies of the 10M dataset for larger sizes. Returns the file and the
 * seconds it took to make (null if it was there).
 */
function servedDatabase(rows, cachedExport) {
	const file = join(CACHE, `served-${rows}.duckdb`);
	if (existsSync(file)) return { file, generate_s: null };
	const partial = `${file}.partial`;
	rmSync(partial, { force: true });
	let args;
	if (rows > COPIED_FROM) {
		if (rows % COPIED_FROM !== 0) throw new Error(`a server size past ${COPIED_FROM} is a multiple of it, not ${rows}`);
		args = [partial, '--copies', String(rows / COPIED_FROM), servedDatabase(COPIED_FROM, cachedExport).file];
	} else {
		args = [partial, ...cachedExport(rows)];
	}
	const output = execFileSync('npx', ['tsx', 'scripts/bench/servedDatabase.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	renameSync(partial, file);
	const { sessions, seconds } = JSON.parse(output.trim().split('\n').at(-1));
	if (sessions !== rows && rows <= COPIED_FROM) console.log(`served-${rows}: ${sessions} sessions`);
	return { file, generate_s: seconds };
}

/** Starts the query server on the file; resolves once it answers, with the time that took. */
function startServer(file) {
	const started = Date.now();
	const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/server/main.ts', file, '--port', String(SERVER_PORT), '--token', TOKEN], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let output = '';
	return new Promise((resolve, reject) => {
		const read = (chunk) => {
			output += chunk.toString();
			if (output.includes('Token:')) resolve({ child, start_ms: Date.now() - started });
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.once('exit', (code) => reject(new Error(`the query server stopped (exit ${code}):\n${output}`)));
	});
}

/**
 * The server column for `rows` sessions. `runFilterSequence(page)` is the tab's own sequence (run.js), so the views
 * are the tab's.
 */
export async function measureServer(browser, rows, { cachedExport, runFilterSequence }) {
	const { file, generate_s } = servedDatabase(rows, cachedExport);
	const { child, start_ms } = await startServer(file);
	console.log(`${rows} rows: query server ready in ${start_ms} ms`);
	const origin = `http://127.0.0.1:${SERVER_PORT}`;
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/data#server-token=${TOKEN}`);
		await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 120_000 });
		const opened = Date.now();
		await page.goto(`${origin}/`);
		await page.getByRole('figure', { name: 'Pain (0-10) by technique' }).locator('svg[aria-hidden="true"]').waitFor({ timeout: 600_000 });
		const first_chart_ms = Date.now() - opened;
		await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 600_000 });
		const { times, views } = await runFilterSequence(page);
		await page.close();
		process.kill(-child.pid, 'SIGTERM');
		// Native DuckDB queried directly: the same views through the same queries, on the same file, all cores.
		const viewsFile = join(CACHE, `server-views-${rows}.json`);
		writeFileSync(viewsFile, JSON.stringify(views));
		const output = execFileSync('npx', ['tsx', 'scripts/bench/nativePeer.ts', file, viewsFile, '11', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 });
		const native = JSON.parse(output.trim().split('\n').at(-1)).times;
		const result = {
			p50: round(quantile(times, 0.5)),
			p95: round(quantile(times, 0.95)),
			max: round(Math.max(...times)),
			changes: times.length,
			filter_ms: times.map(Math.round),
			/** From opening the overview to its first chart, through the server. */
			first_chart_ms,
			/** From starting the server on the database file to its first answer: the derived tables built. */
			start_ms,
			/** Making the database file (null when it was in bench/cache already). */
			generate_s,
			/** The same views' queries on native DuckDB queried directly (2 threads), without HTTP or drawing. */
			native: { p50: round(quantile(native, 0.5)), p95: round(quantile(native, 0.95)), threads: 2 }
		};
		console.log(`${rows} rows through the server: ${JSON.stringify(result)}`);
		return result;
	} finally {
		await context.close();
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Stopped already.
		}
	}
}
