import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LONG, importFrontDesk, kpi } from './importSteps';

/** Holds the database engine's download until `release` is called: the page meanwhile has only what it knew before. */
async function holdEngine(context: BrowserContext): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/duckdb-eh.*\.wasm$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

const marked = (page: Page, name: string) => page.evaluate((name) => performance.getEntriesByName(name).length > 0, name);

test('a first visit shows the demo data’s overview before the database has started, then the database confirms it', async ({ page, context }) => {
	const release = await holdEngine(context);
	await page.goto('./');
	const pain = page.getByRole('figure', { name: 'Pain (0-10) by technique' });
	await expect(pain.locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: LONG });
	await expect(kpi(page, 'Sessions')).toHaveText('15,366');
	await expect(kpi(page, 'Clients')).toHaveText('1,900');
	// Said to be updating, and not yet from the database.
	await expect(page.getByRole('region', { name: 'Key figures' })).toHaveAttribute('aria-busy', 'true');
	expect(await marked(page, 'outcomes:duckdb-ready')).toBe(false);
	expect(await marked(page, 'outcomes:first-chart')).toBe(true);

	release();
	await expect.poll(() => marked(page, 'outcomes:first-result'), { timeout: LONG }).toBe(true);
	await expect(page.getByRole('region', { name: 'Key figures' })).toHaveAttribute('aria-busy', 'false');
	await expect(kpi(page, 'Sessions')).toHaveText('15,366');
	// The filters work as ever once it has.
	await page.locator('#filter-condition').selectOption('tension_headache');
	await expect(kpi(page, 'Sessions')).not.toHaveText('15,366', { timeout: LONG });
});

test('a link to another view waits for the database rather than showing the first view', async ({ page, context }) => {
	const release = await holdEngine(context);
	await page.goto('./?timepoint=post');
	await expect(page.getByRole('status').filter({ hasText: /Starting|Loading/ }).first()).toBeAttached({ timeout: LONG });
	await page.waitForTimeout(500);
	await expect(kpi(page, 'Sessions')).toHaveCount(0);
	release();
	await expect(kpi(page, 'Sessions')).toHaveText('15,366', { timeout: LONG });
});

test('a kept dataset’s first view is remembered once computed, shown at the next visit, and replaced by the database’s figures', async ({ page, context }) => {
	await importFrontDesk(page);
	// Computed once the dataset is kept: remembered for the next visit.
	await page.goto('./');
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('massage-outcomes:overview-preview:')).length)).toBe(1);
	const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('massage-outcomes:overview-preview:'))![1]);
	expect(stored).not.toContain('keySalt');

	// A remembered figure that no longer holds is replaced by the database's.
	await page.evaluate(() => {
		const key = Object.keys(localStorage).find((k) => k.startsWith('massage-outcomes:overview-preview:'))!;
		localStorage.setItem(key, localStorage.getItem(key)!.replaceAll('"sessions":1882', '"sessions":1881'));
	});
	const release = await holdEngine(context);
	await page.reload();
	await expect(kpi(page, 'Sessions')).toHaveText('1,881', { timeout: LONG });
	await expect(page.getByText('Dataset: Front desk, 2024-2026')).toBeVisible();
	release();
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
});
