import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';
import { LONG, checkRows, chooseFiles, importRows, kpi } from './importSteps';

const PAIN = 'Pain (0-10) by technique';

/** The mark the app sets once it is kept for offline use (OFFLINE_READY_MARK in src/lib/offline/keepOffline.ts). */
const OFFLINE_READY_MARK = 'outcomes:offline-ready';

test.use({ serviceWorkers: 'allow' });

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFile((await download.path())!, 'utf8');
}

/** A page reached from the main navigation, with its first chart drawn when it has charts. */
async function visit(page: Page, link: string, heading: string | RegExp, charts: boolean) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
	await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
	if (charts) await expect(page.getByRole('figure').first().locator('svg[aria-hidden="true"]').first()).toBeVisible({ timeout: LONG });
}

/** Opens the overview, waits until the app is kept for offline use, and takes the browser offline. */
async function goOffline(page: Page, context: BrowserContext) {
	await page.goto('./');
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: LONG });
	// The app is kept in this browser once its first chart is drawn.
	await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, OFFLINE_READY_MARK, { timeout: LONG });
	await context.setOffline(true);
}

test('once loaded, the overview works offline: a filter, the chart downloads and the data export', async ({ page, context }) => {
	await goOffline(page, context);
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	const svg = await downloadedText(page, () => page.getByRole('button', { name: `Download ${PAIN} as SVG` }).click());
	expect(svg).toContain('<svg');
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${PAIN} as PNG` }).click()]);
	expect((await readFile((await png.path())!)).subarray(1, 4).toString()).toBe('PNG');
	const panel = page.getByRole('region', { name: 'Export the filtered data' });
	await panel.getByText('Show the export options').click();
	const csv = await downloadedText(page, () => panel.getByRole('button', { name: 'Download data (CSV)' }).click());
	expect(csv.split('\r\n')[0]).toMatch(/^session_id,client_id,/);
});

test('once loaded, every page works offline, the SQL console too', async ({ page, context }) => {
	await goOffline(page, context);
	await visit(page, 'Techniques', 'Techniques compared', true);
	await visit(page, 'Conditions', 'Conditions', true);
	await visit(page, 'Range of motion', 'Range of motion', true);
	await visit(page, 'Therapists', 'Therapists', true);
	await visit(page, 'Report', /^Clinic report/, true);
	await visit(page, 'Data dictionary', 'Data dictionary', false);

	await visit(page, 'SQL', 'SQL console', false);
	await page.getByLabel('SQL query').fill('SELECT count(*) AS n FROM sessions');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Query result' }).locator('tbody td').first()).toHaveText('15366');
});

test('once loaded, a file imports offline, and a reload offline shows the dataset just kept', async ({ page, context }) => {
	await goOffline(page, context);
	await visit(page, 'Your data', 'Your data', false);
	await chooseFiles(page, 'clinic-visits.csv');
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
	await page.getByRole('link', { name: 'See the overview' }).click();
	await expect(page.getByText('Dataset: clinic-visits.csv')).toBeVisible({ timeout: LONG });

	// Still offline, a reload comes from this browser's copy, with the dataset just kept.
	await page.reload();
	await expect(page.getByText('Dataset: clinic-visits.csv')).toBeVisible({ timeout: LONG });
	// Its 8 clients are too few to show: the page says so once it has computed them.
	await expect(page.getByRole('status').filter({ hasText: 'All conditions: fewer than 11 clients, figures hidden.' })).toBeVisible({ timeout: LONG });
});
