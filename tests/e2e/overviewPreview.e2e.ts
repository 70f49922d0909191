import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { holdEngine } from './holdEngine';
import { LONG, kpi } from './importSteps';

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

// A kept dataset's remembered first view: tests/e2e/keptFile.e2e.ts.
