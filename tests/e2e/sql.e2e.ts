import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';

mkdirSync('tests/e2e/screenshots', { recursive: true });

type Page = import('@playwright/test').Page;

const TECHNIQUE_QUERY = 'SELECT primary_technique, count(*) AS sessions FROM sessions GROUP BY 1 ORDER BY 1';
/** Sessions by primary technique in the demo data (counted in sessions.csv.gz with awk); they add up to DEMO.all.sessions. */
const SWEDISH_SESSIONS = '4148';

async function openConsole(page: Page) {
	await page.goto('./sql');
	await expect(page.getByRole('heading', { name: 'SQL console', level: 1 })).toBeVisible();
	await expect(page.getByLabel('SQL query')).toBeVisible({ timeout: 30_000 });
}

async function run(page: Page, sql: string, how: 'button' | 'keyboard' = 'button') {
	const editor = page.getByLabel('SQL query');
	await editor.fill(sql);
	if (how === 'keyboard') await editor.press('Control+Enter');
	else await page.getByRole('button', { name: 'Run', exact: true }).click();
}

const result = (page: Page) => page.getByRole('region', { name: 'Query result' });
const firstColumn = (page: Page) => result(page).locator('tbody tr td:nth-of-type(1)');

test('the SQL console answers a query, shows its columns and types, and keeps it in the history', async ({ page }) => {
	await openConsole(page);
	await run(page, TECHNIQUE_QUERY);
	await expect(page.getByText('Rows 1–10 of 10', { exact: true })).toBeVisible();
	await expect(result(page).locator('thead')).toContainText('primary_technique');
	await expect(result(page).locator('thead')).toContainText('BIGINT');
	const rows = result(page).locator('tbody tr');
	await expect(rows).toHaveCount(10);
	await expect(rows.filter({ hasText: 'swedish' }).locator('td').nth(1)).toHaveText(SWEDISH_SESSIONS);
	const counts = await result(page).locator('tbody tr td:nth-of-type(2)').allTextContents();
	// data/README.md: 15,366 sessions in all.
	expect(counts.reduce((sum, n) => sum + Number(n), 0).toLocaleString('en-CA')).toBe(DEMO.all.sessions);
	await expect(page.getByRole('note').filter({ hasText: 'Small groups?' })).toHaveCount(0);

	const history = page.getByRole('region', { name: 'Query history' });
	await expect(history).toContainText(TECHNIQUE_QUERY);
	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/sql-1440.png', fullPage: true });

	// Kept in this browser: after a reload the history is there, and Run again runs it.
	await page.reload();
	await expect(page.getByLabel('SQL query')).toBeVisible({ timeout: 30_000 });
	await expect(history).toContainText(TECHNIQUE_QUERY);
	await history.getByRole('button', { name: 'Run again' }).first().click();
	await expect(page.getByText('Rows 1–10 of 10', { exact: true })).toBeVisible();
	await expect(page.getByLabel('SQL query')).toHaveValue(TECHNIQUE_QUERY);
	await history.getByRole('button', { name: 'Clear history' }).click();
	await expect(history).toContainText('No query has run in this browser yet.');

	await page.setViewportSize({ width: 390, height: 900 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: 'tests/e2e/screenshots/sql-390.png', fullPage: true });
});

test('the SQL console refuses COPY … TO, ATTACH, INSTALL and LOAD, and the database refuses read_text, with clear messages', async ({ page }) => {
	await openConsole(page);
	const refusals: [sql: string, message: string][] = [
		["COPY sessions TO 'sessions.csv'", 'COPY … TO writes files: the console is read-only'],
		["ATTACH 'other.duckdb' AS other", 'ATTACH cannot open other databases'],
		['INSTALL httpfs', 'INSTALL: extensions cannot be installed or loaded in the console'],
		['LOAD httpfs', 'LOAD: extensions cannot be installed or loaded in the console'],
		["/* a note first */ copy sessions to 'x.csv'", 'COPY … TO writes files: the console is read-only'],
		['SELECT 1; DROP TABLE sessions', 'Only one statement runs at a time']
	];
	for (const [sql, message] of refusals) {
		await run(page, sql, 'keyboard');
		const alert = page.getByRole('alert');
		await expect(alert.getByRole('heading', { name: 'The query was not run' })).toBeVisible();
		await expect(alert).toContainText(message);
	}

	await run(page, "SELECT * FROM read_text('/etc/passwd')");
	const failed = page.getByRole('alert');
	await expect(failed.getByRole('heading', { name: 'The query failed' })).toBeVisible();
	// DuckDB's own text, then the console's words for it.
	await expect(failed.locator('pre')).toContainText('disabled by configuration');
	await expect(failed).toContainText('Reading files or the network is turned off');
	await page.screenshot({ path: 'tests/e2e/screenshots/sql-refused.png', fullPage: true });

	// The data are unchanged.
	await run(page, 'SELECT count(*) AS n FROM sessions');
	await expect(firstColumn(page)).toHaveText(['15366']);
});

test('the SQL console pages through 100,000 rows and exports all of them as CSV', async ({ page }) => {
	await openConsole(page);
	const began = Date.now();
	await run(page, 'SELECT * FROM range(100000)');
	await expect(page.getByText('Rows 1–100 of 100,000', { exact: true })).toBeVisible({ timeout: 15_000 });
	const firstPage = Date.now() - began;
	console.log(`SQL console: first page of 100,000 rows after ${firstPage} ms`);
	expect(firstPage).toBeLessThan(15_000);
	await expect(firstColumn(page)).toHaveCount(100);
	await expect(firstColumn(page).first()).toHaveText('0');

	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText('Rows 101–200 of 100,000', { exact: true })).toBeVisible();
	await expect(firstColumn(page).first()).toHaveText('100');
	await page.getByRole('button', { name: 'Last' }).click();
	await expect(page.getByText('Rows 99,901–100,000 of 100,000', { exact: true })).toBeVisible();
	await expect(firstColumn(page).last()).toHaveText('99999');
	await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(page.getByText('Rows 99,801–99,900 of 100,000', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'First' }).click();
	await expect(page.getByText('Rows 1–100 of 100,000', { exact: true })).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV' }).click();
	const lines = readFileSync(await (await download).path(), 'utf8').split('\r\n');
	expect(lines[0]).toBe('range');
	expect(lines.slice(1, 4)).toEqual(['0', '1', '2']);
	expect(lines.at(-2)).toBe('99999');
	expect(lines).toHaveLength(100002); // header, 100,000 rows, and the empty string after the last line end

	// With the byte-order mark for Excel, and text cells escaped against formulas.
	await run(page, `SELECT '=HYPERLINK("x")' AS formula, -3 AS number`);
	await expect(page.getByText('Rows 1–1 of 1', { exact: true })).toBeVisible();
	await page.getByLabel('Add a byte-order mark for Excel').check();
	const withBom = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV' }).click();
	expect(readFileSync(await (await withBom).path(), 'utf8')).toBe('\uFEFFformula,number\r\n"\'=HYPERLINK(""x"")",-3\r\n');
});

test('the schema browser lists the tables and puts a query of one in the editor', async ({ page }) => {
	await openConsole(page);
	const schema = page.getByRole('region', { name: 'Tables and columns' });
	for (const table of ['client_courses', 'clients', 'instruments', 'measurements', 'rom_movements', 'session_facts', 'sessions', 'therapists']) {
		await expect(schema.getByRole('button', { name: table, exact: true })).toBeVisible();
	}
	await schema.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'sessions', exact: true }) }).locator('summary').click();
	await expect(schema).toContainText('primary_technique');
	await schema.getByRole('button', { name: 'sessions', exact: true }).click();
	await expect(page.getByLabel('SQL query')).toHaveValue('SELECT * FROM sessions LIMIT 100');
	await expect(page.getByLabel('SQL query')).toBeFocused();
	await page.getByLabel('SQL query').press('Control+Enter');
	await expect(page.getByText('Rows 1–100 of 100', { exact: true })).toBeVisible();
	await expect(result(page).locator('thead')).toContainText('session_id');
});
