import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { settleImport } from './importState';
import { LONG, kpi, openData } from './importSteps';

/**
 * The app's own researcher export, imported back: the bundle downloaded from the overview on the demo data is chosen
 * on "Your data" as it is, recognised and mapped with no step of the person's but Check and Import, and every page
 * then shows it, or says in one sentence what it cannot show (months, therapists), with no console error.
 */

const PAIN = 'Pain (0-10) by technique';
const count = (n: number) => n.toLocaleString('en-CA');

/** The rows, sessions and clients of a bundle's data.csv (ids never need quoting: they are pseudonymous codes). */
function csvCounts(csv: string) {
	const [header, ...lines] = csv.trimEnd().split('\r\n');
	const columns = header.split(',');
	const cells = lines.map((line) => line.split(','));
	const distinct = (name: string) => new Set(cells.map((c) => c[columns.indexOf(name)])).size;
	return { rows: lines.length, sessions: distinct('session_id'), clients: distinct('client_id') };
}

test('the researcher bundle downloaded from the overview imports back whole, and every page shows it or says why not', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('./');
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: LONG });
	const panel = page.getByRole('region', { name: 'Export the filtered data' });
	await panel.getByText('Show the export options').click();
	await expect(panel.getByRole('status')).toContainText('clients will be exported', { timeout: LONG });
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		panel.getByRole('button', { name: 'Download researcher bundle' }).click()
	]);
	const name = download.suggestedFilename();
	const bytes = new Uint8Array(await readFile((await download.path())!));
	const files = unzipSync(bytes);
	const expected = csvCounts(new TextDecoder().decode(files['data.csv']));
	// The demo data at k = 11 (tests/unit/export/exportRows.test.ts).
	expect(expected).toMatchObject({ rows: 107077, clients: 1837 });
	const folder = await mkdtemp(join(tmpdir(), 'bundle-import-'));
	try {
		await writeFile(join(folder, name), bytes);
		await openData(page);
		await page.getByLabel('Import data').setInputFiles(join(folder, name));
	} finally {
		await rm(folder, { recursive: true, force: true });
	}

	// Recognised: the preset is chosen and every column mapped, so the person only checks and imports.
	// Reading a bundle of a hundred thousand rows takes a while on a busy machine; an import that stops fails here at once.
	await settleImport(page, name, ['mapping'], { timeout: 120_000 });
	await expect(page.getByLabel('Mapping preset')).toHaveValue('Researcher export');
	await expect(page.getByText("This is this app's own researcher export")).toBeVisible();
	await expect(page.getByText(`${count(expected.rows)} rows, 14 columns`)).toBeVisible();
	await page.getByRole('button', { name: `Check ${count(expected.rows)} rows` }).click();
	await expect(page.getByRole('heading', { name: `${count(expected.rows)} rows can be imported, 0 rows rejected` })).toBeVisible({ timeout: 120_000 });
	await page.getByRole('button', { name: `Import ${count(expected.rows)} rows` }).click();
	await expect(page.getByRole('heading', { name: `${count(expected.rows)} rows imported, 0 rows rejected` })).toBeVisible({ timeout: 120_000 });
	await expect(page.getByText(`now holds ${count(expected.sessions)} sessions of ${count(expected.clients)} clients`)).toBeVisible();
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });

	// The overview: key figures and clients by condition (condition groups by name); one sentence for the trends.
	await page.getByRole('link', { name: 'See the overview' }).click();
	await expect(kpi(page, 'Sessions')).toHaveText(count(expected.sessions), { timeout: LONG });
	await expect(kpi(page, 'Clients')).toHaveText(count(expected.clients));
	await expect(page.getByText('so there are no monthly trends to chart')).toBeVisible();
	await expect(page.getByText('so it cannot be filtered by month')).toBeVisible();
	await expect(page.getByLabel('Therapist')).toHaveCount(0);
	const conditions = page.getByRole('figure', { name: 'Clients by condition' });
	await expect(conditions.locator('svg[aria-hidden="true"]')).toBeVisible();
	await expect(conditions).toContainText('Musculoskeletal pain (group)');
	await page.screenshot({ path: 'tests/e2e/screenshots/researcher-export-overview.png', fullPage: true });

	// Techniques, conditions and range of motion work by session number.
	for (const [path, figure] of [
		['techniques', /improvement over the course by technique/],
		['conditions', /by session number and technique/],
		['rom', /by movement/]
	] as const) {
		await page.goto(`./${path}`);
		await expect(page.getByRole('figure', { name: figure }).first().locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: LONG });
	}
	await expect(page.getByRole('combobox', { name: 'Condition' })).toContainText('Musculoskeletal pain (group)');

	await page.goto('./therapists');
	await expect(page.getByRole('note').filter({ hasText: 'This dataset holds no therapist ids' })).toBeVisible({ timeout: LONG });
	await page.goto('./report');
	await expect(page.getByRole('note').filter({ hasText: 'so there is no month or quarter to report on' })).toBeVisible({ timeout: LONG });
});
