import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';
import { LONG, checkRows, chooseFiles, importFrontDesk, kpi, openData } from './importSteps';

// The worker's failure reaches the console twice: as the worker's uncaught error, and as the ErrorEvent that
// duckdb-wasm logs when its worker fails.
test.use({ expectedProblems: /RuntimeError: unreachable \(engine failure for this test\)|^console error: ErrorEvent$/ });

/** The DuckDB worker of the page's database. */
function engineWorkers(page: Page) {
	return page.workers().filter((w) => w.url().includes('duckdb-browser-eh.worker'));
}

/**
 * Makes the shown database's engine fail as a WebAssembly trap does: its worker throws and stops for good. No
 * hook in the app: the test reaches the worker itself.
 */
async function breakEngine(page: Page) {
	const [engine] = engineWorkers(page);
	expect(engineWorkers(page)).toHaveLength(1);
	await engine.evaluate(() => {
		setTimeout(() => {
			self.close();
			throw new Error('RuntimeError: unreachable (engine failure for this test)');
		});
	});
}

test('when the database engine stops, the page says so and starts it again with the demo data, without a reload', async ({ page }) => {
	await page.goto('./?condition=neck_pain');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions, { timeout: LONG });
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

	await breakEngine(page);
	await expect(page.getByRole('alert').filter({ hasText: 'The database engine stopped' })).toContainText(
		'Starting it again and loading the demo data from this browser'
	);
	const restarted = page.getByRole('status').filter({ hasText: 'started again' });
	await expect(restarted.locator('p')).toHaveText('The database engine stopped and was started again: the demo data are loaded again, as before.', { timeout: LONG });

	// The same view, from the same URL, on the new engine; and it answers a new choice.
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions, { timeout: LONG });
	await page.screenshot({ path: 'tests/e2e/screenshots/engine-restarted.png', fullPage: true });
	await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('neck_pain');
	await page.getByLabel('Condition', { exact: true }).selectOption('');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions, { timeout: LONG });
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	expect(engineWorkers(page)).toHaveLength(1);

	await restarted.getByRole('button', { name: 'Dismiss' }).click();
	await expect(restarted).toHaveCount(0);
});

test('an imported dataset comes back from this browser’s storage when the engine is started again', async ({ page }) => {
	await importFrontDesk(page);
	await page.getByRole('link', { name: 'See the overview' }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });

	await breakEngine(page);
	await expect(page.getByRole('status').filter({ hasText: 'started again' }).locator('p')).toHaveText(
		'The database engine stopped and was started again: “Front desk, 2024-2026” is loaded again, as before.',
		{ timeout: LONG }
	);
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	await expect(page.getByText('Dataset: Front desk, 2024-2026')).toBeVisible();

	// The SQL console works on the new engine, which is locked like the first.
	await page.getByRole('link', { name: 'SQL' }).click();
	const editor = page.getByLabel('SQL query');
	await editor.fill('SELECT count(*) AS n FROM sessions');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Query result' }).locator('tbody td').first()).toHaveText('1882');
	await editor.fill("SELECT * FROM read_text('clinic-export.csv')");
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('alert').locator('pre')).toContainText('disabled by configuration');
});

test('when the import’s own engine stops, the import says so and starts over on a new one; the shown data stay', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-visits.csv');
	await expect(page.getByRole('heading', { name: 'clinic-visits.csv' })).toBeVisible({ timeout: LONG });
	// On this page only the import's engine runs: the shown data's has not been needed.
	await breakEngine(page);
	await page.getByRole('button', { name: 'Check 18 rows' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'The import stopped.' })).toContainText(
		"The import's database engine stopped (RuntimeError: unreachable (engine failure for this test)). Choose the file again to start over."
	);
	await chooseFiles(page, 'clinic-visits.csv');
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await page.goto('./');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions, { timeout: LONG });
});
