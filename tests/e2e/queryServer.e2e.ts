import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from './fixtures';

type Page = import('@playwright/test').Page;

/**
 * The dashboard on a query server (npm run serve:db) over the bundled demo data written as Parquet (its four tables,
 * as a network's own store would hold them), against the same demo data in the tab: every page shows the same
 * figures, suppression included, once connected under "Connect to a server".
 */
const PORT = Number(process.env.E2E_SERVER_PORT ?? 4388);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKEN = 'e2e-server-token-0123456789abcdef';

let server: ChildProcess | undefined;
let folder: string | undefined;
/** The served folder's name, which names the dataset. */
let NAME = '';

/** The demo's four tables as Parquet files, written by native DuckDB with the types it reads them with. */
async function demoParquet(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'demo-parquet-'));
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	for (const table of ['sessions', 'measurements', 'clients', 'therapists']) {
		await connection.run(`COPY (SELECT * FROM read_csv('data/${table}.csv.gz')) TO '${join(dir, `${table}.parquet`)}' (FORMAT parquet)`);
	}
	connection.closeSync();
	instance.closeSync();
	return dir;
}

test.use({ baseURL: `${ORIGIN}/` });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	folder = await demoParquet();
	NAME = folder.split('/').pop()!;
	server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/server/main.ts', folder, '--port', String(PORT), '--token', TOKEN], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the query server did not start in 90 s:\n${output}`)), 90_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Token:')) {
				clearTimeout(timer);
				resolve();
			}
		};
		server!.stdout!.on('data', read);
		server!.stderr!.on('data', read);
		server!.once('exit', (code) => reject(new Error(`the query server stopped (exit ${code}):\n${output}`)));
	});
	expect(output).toContain(`Open:   ${ORIGIN}/data#server-token=${TOKEN}`);
	expect(output).toContain('Reading the tables clients.parquet, therapists.parquet, sessions.parquet, measurements.parquet');
	expect(output).toContain('15,366 sessions, 1,900 clients');
});

test.afterAll(() => {
	if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The pages and a figure each draws once its data are in. */
const PAGES: [string, string | RegExp][] = [
	['./', 'Pain (0-10) by technique'],
	['./techniques', 'Pain (0-10) improvement over the course by technique, against Swedish'],
	['./conditions', 'Pain (0-10) by session number and technique'],
	['./rom', 'Range of motion (% of normal) by movement'],
	['./therapists', /^Funnel plot/],
	['./report', /^Sessions per (week|month)/]
];

/** The page's main text once its figures are drawn and it has stopped changing, without the line naming the dataset. */
async function settledText(page: Page, path: string, figure: string | RegExp): Promise<string> {
	await page.goto(path);
	await expect(page.getByRole('figure', { name: figure }).first().locator('svg[aria-hidden="true"]').first()).toBeVisible({ timeout: 60_000 });
	const main = page.getByRole('main');
	let last = '';
	for (let same = 0; same < 3; ) {
		await page.waitForTimeout(400);
		const busy = await page.locator('[aria-busy="true"]').count();
		const text = await main.innerText();
		same = !busy && text === last ? same + 1 : 0;
		last = text;
	}
	return last
		.split('\n')
		.filter((line) => !line.startsWith('Dataset:'))
		.join('\n');
}

test('every page shows the same figures on the query server as in the tab', async ({ page }) => {
	test.setTimeout(300_000);
	const tab = new Map<string, string>();
	for (const [path, figure] of PAGES) tab.set(path, await settledText(page, path, figure));

	// Connected from the link the server printed: its token is read from the address and taken out of it.
	await page.goto(`./data#server-token=${TOKEN}`);
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText(`${NAME} on the query server at ${ORIGIN}`, { timeout: 30_000 });
	expect(new URL(page.url()).hash).toBe('');
	await expect(page.getByRole('banner')).toContainText('Data on the query server');
	await expect(page.getByText(/Connected to .*15,366 sessions of 1,900 clients/)).toBeVisible();
	mkdirSync('tests/e2e/screenshots', { recursive: true });
	await page.screenshot({ path: 'tests/e2e/screenshots/data-server-connected.png', fullPage: true });

	for (const [path, figure] of PAGES) {
		const served = await settledText(page, path, figure);
		await expect(page.getByText(`Dataset: ${NAME} on the query server at ${ORIGIN}`)).toBeVisible();
		expect(served, `${path} on the server`).toBe(tab.get(path));
	}
	await page.screenshot({ path: 'tests/e2e/screenshots/report-server.png', fullPage: true });
});

test('the SQL console runs on the server, and pages through its rows', async ({ page }) => {
	await page.goto(`./data#server-token=${TOKEN}`);
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 });
	await page.goto('./sql');
	const editor = page.getByLabel('SQL query');
	await expect(editor).toBeVisible({ timeout: 30_000 });
	await editor.fill('SELECT clinic_id, count(*) AS sessions FROM sessions GROUP BY clinic_id ORDER BY clinic_id');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const results = page.getByRole('table').filter({ hasText: 'clinic_id' });
	await expect(results).toContainText('central');
	await expect(results).toContainText('north');
	await editor.fill('SELECT range AS i FROM range(250)');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByText('Rows 1–100 of 250', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Last' }).click();
	await expect(page.getByText('Rows 201–250 of 250', { exact: true })).toBeVisible();
	await editor.fill("CREATE TABLE x AS SELECT 1");
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByText(/read-only/).first()).toBeVisible();
});

test.describe('refused', () => {
	// The browser logs the server's refusal of a wrong token as a failed request.
	test.use({ expectedProblems: /status of 401 \(Unauthorized\)/ });

	test('a wrong token, or a server at another address, is refused with what to do', async ({ page }) => {
		await page.goto('./data');
		const section = page.getByRole('region', { name: 'Connect to a server' });
		await section.getByLabel('Server address').fill(ORIGIN);
		await section.getByLabel('Token').fill('not-the-token-0123456789abcdef');
		await section.getByRole('button', { name: 'Connect' }).click();
		await expect(section.getByRole('alert')).toContainText('token');
		await section.getByLabel('Server address').fill('http://192.0.2.1:8787');
		await section.getByLabel('Token').fill(TOKEN);
		await section.getByRole('button', { name: 'Connect' }).click();
		await expect(section.getByRole('alert')).toContainText('can reach only the server it was opened from');
		// The demo data stay shown.
		await page.goto('./');
		await expect(page.getByText('Dataset: Demo data')).toBeVisible();
	await expect(page.getByRole('banner')).toContainText('Data stays in this browser');
	});
});
