// Start-up in headless Chromium against the built app: time from navigation to the first chart drawn, and DuckDB's
// start (worker + wasm instantiate), median of 5 cold loads (a fresh browser context each, so nothing is cached);
// then, in the first load, the overview's query time for each condition chosen in turn.
// Writes bench/results/startup.json. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.js';

const RUNS = 5;
const port = 4391;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function size(dir, filter = () => true) {
	let total = 0;
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) total += size(path, filter);
		else if (filter(path)) total += statSync(path).size;
	}
	return total;
}

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const runs = [];
const filterQueries = [];
try {
	for (let i = 0; i < RUNS; i++) {
		// As on a first visit: the offline copy (a service worker) is not yet there, and its caching is not measured.
		const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`http://localhost:${port}/`);
		// The first chart (from the preview the app ships for the demo data), then the database's own figures drawn.
		await page.waitForFunction(() => performance.getEntriesByName('outcomes:first-result').length > 0, null, { timeout: 60_000 });
		const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
		runs.push({
			first_chart_ms: Math.round(marks['outcomes:first-chart']),
			first_result_ms: Math.round(marks['outcomes:first-result']),
			duckdb_start_ms: Math.round(marks['outcomes:duckdb-ready'] - marks['outcomes:duckdb-start']),
			data_load_ms: Math.round(marks['outcomes:data-loaded'] - marks['outcomes:duckdb-ready'])
		});
		if (i === 0) {
			// Filter changes: each condition in turn, timed from the change to the overview's queries answered.
			const conditions = await page.locator('#filter-condition').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
			for (const condition of conditions) {
				await page.locator('#filter-condition').selectOption(condition);
				await page.getByRole('status').filter({ hasText: 'Updating' }).waitFor({ state: 'detached' }).catch(() => {});
				await page.waitForTimeout(150);
			}
			filterQueries.push(
				...(await page.evaluate(() => performance.getEntriesByName('outcomes:overview-queries').map((m) => m.duration)))
			);
		}
		await context.close();
	}
} finally {
	await browser.close();
	server.kill();
}

const isWasm = (p) => p.endsWith('.wasm');
const result = {
	date: new Date().toISOString(),
	runs,
	median: {
		first_chart_ms: median(runs.map((r) => r.first_chart_ms)),
		first_result_ms: median(runs.map((r) => r.first_result_ms)),
		duckdb_start_ms: median(runs.map((r) => r.duckdb_start_ms)),
		data_load_ms: median(runs.map((r) => r.data_load_ms))
	},
	filter_change_queries_ms: {
		count: filterQueries.length,
		median: Math.round(median(filterQueries)),
		max: Math.round(Math.max(...filterQueries))
	},
	sizes_bytes: {
		build_uncompressed: size('build', (p) => !p.endsWith('.br') && !p.endsWith('.gz') || p.endsWith('.csv.gz')),
		wasm: size('build', isWasm),
		wasm_brotli: size('build', (p) => p.endsWith('.wasm.br')),
		demo_data: size('data', (p) => p.endsWith('.csv.gz'))
	}
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/startup.json', JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
