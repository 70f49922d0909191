import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURES, LONG, checkRows, importFrontDesk, kpi, openData } from './importSteps';

/** Row counts of the four tables, and a checksum of each table's rows in a fixed order. */
const CHECKSUM_SQL = `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM measurements) AS measurements,
	(SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM therapists) AS therapists,
	(SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM sessions t) AS sessions_md5,
	(SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM measurements t) AS measurements_md5,
	(SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM clients t) AS clients_md5`;

/** The counts and checksums of the shown dataset, read in the SQL console as a person would. */
async function checksum(page: Page): Promise<string[]> {
	await page.goto('./sql');
	const editor = page.getByLabel('SQL query');
	await expect(editor).toBeVisible({ timeout: LONG });
	await editor.fill(CHECKSUM_SQL);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const cells = page.getByRole('region', { name: 'Query result' }).locator('tbody tr td');
	await expect(cells).toHaveCount(7, { timeout: LONG });
	return cells.allTextContents();
}

test('an imported dataset is the same after a reload: row counts and checksums', async ({ page }) => {
	await importFrontDesk(page);
	const before = await checksum(page);
	expect(before[0]).toBe('1882');
	expect(before.slice(4).every((md5) => /^[0-9a-f]{32}$/.test(md5))).toBe(true);
	await page.reload();
	expect(await checksum(page)).toEqual(before);
});

/** The clinic export a hundred times over (188,200 rows, each copy's clients renamed): long enough to import that a tab can be closed meanwhile. */
function largeExport(): string {
	const [header, ...rows] = readFileSync(`${FIXTURES}/clinic-export.csv`, 'utf8').trim().split(/\r?\n/);
	const copies = Array.from({ length: 100 }, (_, copy) => rows.map((row) => row.replace(/^([^,]+)/, `$1X${copy}`)).join('\n'));
	mkdirSync('test-results', { recursive: true });
	const path = 'test-results/clinic-export-x100.csv';
	writeFileSync(path, [header, ...copies].join('\n') + '\n');
	return path;
}

/** Where the import is when the tab is closed: while its rows go in, or once shown but not yet kept. */
const CLOSED_WHILE = [
	{ step: 'importing the rows', reached: /Importing 188,200 rows|Preparing the charts/ },
	{ step: 'keeping the imported dataset', reached: 'Keeping it in this browser…' }
];

for (const { step, reached } of CLOSED_WHILE) {
	test(`a tab closed while ${step} leaves the dataset shown before intact`, async ({ page, context }) => {
		await importFrontDesk(page);
		const before = await checksum(page);

		await openData(page);
		await page.getByLabel('Import data').setInputFiles(largeExport());
		await expect(page.getByRole('heading', { name: 'clinic-export-x100.csv' })).toBeVisible({ timeout: LONG });
		await page.getByLabel('Import preset…').setInputFiles(`${FIXTURES}/clinic-export.mapping.json`);
		await expect(page.getByLabel('Mapping preset')).toHaveValue('Front desk export');
		await checkRows(page, '188,200', '188,200 rows can be imported, 0 rows rejected');
		await page.getByRole('button', { name: 'Import 188,200 rows' }).click();
		await expect(page.getByText(reached).first()).toBeVisible({ timeout: LONG });
		await page.close();

		const next = await context.newPage();
		expect(await checksum(next)).toEqual(before);
		await next.goto('./');
		await expect(kpi(next, 'Sessions')).toHaveText('1,882', { timeout: LONG });
		await expect(next.getByText('Dataset: Front desk, 2024-2026')).toBeVisible();
		await expect(next.getByRole('alert')).toHaveCount(0);
		await openData(next);
		const list = next.getByRole('table', { name: 'Datasets in this browser' });
		await expect(list.getByRole('row')).toHaveCount(3); // the header, the dataset kept, the demo data
		await expect(list).not.toContainText('clinic-export-x100.csv');
	});
}
