// Import of a large clinic-style CSV (one row per visit) in headless Chromium against the built app, through the
// /data page as a person uses it: choose the file, check the rows, import, open the overview. Times each step from
// the action to what the page shows, and the total until the overview's first chart of the new dataset is drawn.
// Usage: node scripts/measure-import.js [rows...] (default 100000 1000000). Writes bench/results/import.json.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.js';
import { writeVisitExport } from './bench/visitExport.js';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
const port = 4392;

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});

/** One import of `rows` rows in a fresh browser context (empty storage, nothing cached). */
async function measure(rows) {
	const file = join(tmpdir(), `visits-${rows}.csv`);
	writeVisitExport(file, rows);
	const megabytes = statSync(file).size / 1024 / 1024;
	const steps = {};
	// As on a first visit: the offline copy (a service worker) is not yet there, and its caching is not measured.
	const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(`http://localhost:${port}/data`);
		await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
		// The page starts its import engine when it opens, while a person looks for the file; measured from the choice.
		await page.waitForFunction(() => performance.getEntriesByName('outcomes:import-database-warm').length > 0, null, { timeout: 60_000 });
		const timed = async (name, action, shown) => {
			const start = Date.now();
			await action();
			await shown.waitFor({ timeout: 600_000 });
			steps[name] = Date.now() - start;
			console.log(`${rows} rows, ${name}: ${steps[name]} ms`);
		};
		await timed('read_and_map_ms', () => page.getByLabel('Import data').setInputFiles(file), page.getByRole('button', { name: /^Check / }));
		await timed('check_ms', () => page.getByRole('button', { name: /^Check / }).click(), page.getByRole('button', { name: /^Import [\d,]+ rows/ }));
		const verdict = await page.getByRole('heading', { name: /can be imported/ }).textContent();
		await timed('import_ms', () => page.getByRole('button', { name: /^Import [\d,]+ rows/ }).click(), page.getByRole('link', { name: 'See the overview' }));
		await timed(
			'overview_ms',
			() => page.getByRole('link', { name: 'See the overview' }).click(),
			page.getByRole('figure', { name: 'Pain (0-10) by technique' }).locator('svg[aria-hidden="true"]')
		);
		await page.waitForFunction(() => performance.getEntriesByName('outcomes:import-kept').length > 0, null, { timeout: 600_000 });
		const marks = await page.evaluate(() =>
			Object.fromEntries(
				performance
					.getEntriesByType('mark')
					.filter((m) => m.name.startsWith('outcomes:'))
					.map((m) => [m.name.replace('outcomes:', ''), Math.round(m.startTime)])
			)
		);
		const total = Object.values(steps).reduce((a, b) => a + b, 0);
		return {
			rows,
			file_mb: Math.round(megabytes * 10) / 10,
			verdict,
			...steps,
			until_dashboard_ms: total,
			kept_after_dashboard_ms: marks['import-kept'] - marks['first-chart'],
			marks_ms: marks
		};
	} finally {
		await context.close();
	}
}

try {
	const results = [];
	for (const rows of sizes) results.push(await measure(rows));
	const report = { what: 'choose file → mapping shown → check → import → overview chart drawn, headless Chromium', results, measured_at: new Date().toISOString() };
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/import.json', JSON.stringify(report, null, 2) + '\n');
	console.log(JSON.stringify(results.map(({ marks_ms, ...r }) => r), null, 2));
} finally {
	await browser.close();
	server.kill();
}
