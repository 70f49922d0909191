import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { rscript } from '../support/rscript';
import { expect, test } from './fixtures';
import { settleImport } from './importState';
import { importFrontDesk, openData } from './importSteps';

/**
 * The researcher bundle as a researcher gets it: downloaded from the overview in Chromium, unpacked, and its
 * reproduce.R run with Rscript, which must recompute every figure of results.csv from data.csv.
 */

const PAIN = 'Pain (0-10) by technique';

/** Downloads the bundle from the overview's export panel and unpacks it into a new folder. */
async function downloadBundle(page: Page): Promise<{ folder: string; figures: number; files: string[] }> {
	await page.goto('./');
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
	const panel = page.getByRole('region', { name: 'Export the filtered data' });
	await panel.getByText('Show the export options').click();
	await expect(panel.getByRole('status')).toContainText('clients will be exported', { timeout: 30_000 });
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), panel.getByRole('button', { name: 'Download researcher bundle' }).click()]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
	const folder = await mkdtemp(join(tmpdir(), 'bundle-e2e-'));
	for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
	const figures = new TextDecoder().decode(files['results.csv']).trim().split('\r\n').length - 1;
	return { folder, figures, files: Object.keys(files) };
}

test('the demo data: the bundle holds results.csv and reproduce.R, and Rscript reproduce.R recomputes every figure', async ({ page }) => {
	test.setTimeout(120_000);
	const { folder, figures, files } = await downloadBundle(page);
	try {
		expect(files).toEqual(['README.txt', 'data.csv', 'data.parquet', 'dictionary.csv', 'results.csv', 'reproduce.R']);
		expect(figures).toBeGreaterThan(3000);
		const run = rscript(['reproduce.R', '--quiet'], folder);
		expect(run.output).toContain(`${figures} figures compared (k = 11); ${figures} agree`);
		expect(run.status, run.output).toBe(0);
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
});

test('an imported dataset: the bundle of the front-desk export reproduces in R too', async ({ page }) => {
	test.setTimeout(180_000);
	await importFrontDesk(page);
	const { folder, figures } = await downloadBundle(page);
	try {
		expect(figures).toBeGreaterThan(0);
		const run = rscript(['reproduce.R', '--quiet'], folder);
		expect(run.output).toContain(`${figures} figures compared`);
		expect(run.status, run.output).toBe(0);
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
});

test("the bundle's data.csv and data.parquet each import back whole, and that dataset's bundle reproduces in R too", async ({ page }) => {
	test.setTimeout(300_000);
	const first = await downloadBundle(page);
	const count = (n: number) => n.toLocaleString('en-CA');
	try {
		const rows = (await readFile(join(first.folder, 'data.csv'), 'utf8')).trimEnd().split('\r\n').length - 1;
		// data.csv and data.parquet on their own, each recognised and imported whole.
		for (const file of ['data.csv', 'data.parquet']) {
			await openData(page);
			await page.getByLabel('Import data').setInputFiles(join(first.folder, file));
			// Reading a bundle of a hundred thousand rows takes a while on a busy machine; an import that stops fails here at once.
			await settleImport(page, file, ['mapping'], { timeout: 120_000 });
			await expect(page.getByLabel('Mapping preset')).toHaveValue('Researcher export');
			await page.getByRole('button', { name: `Check ${count(rows)} rows` }).click();
			await expect(page.getByRole('heading', { name: `${count(rows)} rows can be imported, 0 rows rejected` })).toBeVisible({ timeout: 120_000 });
			await page.getByRole('button', { name: `Import ${count(rows)} rows` }).click();
			await expect(page.getByRole('heading', { name: `${count(rows)} rows imported, 0 rows rejected` })).toBeVisible({ timeout: 120_000 });
		}
	} finally {
		await rm(first.folder, { recursive: true, force: true });
	}
	const second = await downloadBundle(page);
	try {
		expect(second.figures).toBeGreaterThan(1000);
		const run = rscript(['reproduce.R', '--quiet'], second.folder);
		expect(run.output).toContain(`${second.figures} figures compared (k = 11); ${second.figures} agree`);
		expect(run.status, run.output).toBe(0);
	} finally {
		await rm(second.folder, { recursive: true, force: true });
	}
});
