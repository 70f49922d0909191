import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';

mkdirSync('tests/e2e/screenshots', { recursive: true });

// The demo data's numbers, as tests/unit/report/reportModel.test.ts checks them against direct SQL counts.
const OCTOBER = { key: '2026-10', title: /^Clinic report: Oct 2026$/, sessions: '831', clients: '372', newClients: '108' };
const QUARTER = { key: '2026-Q3', title: /^Clinic report: Q3 2026/, sessions: '2,205', clients: '487', newClients: '241' };

function kpi(page: import('@playwright/test').Page, name: string) {
	return page.getByRole('region', { name, exact: true });
}

test('the clinic report: last full month by default, a quarter on request, and a clean print', async ({ page }) => {
	await page.goto('./report');
	await expect(page.getByRole('heading', { name: OCTOBER.title, level: 1 })).toBeVisible({ timeout: 30_000 });
	await expect(page.getByLabel('Period', { exact: true })).toHaveValue(OCTOBER.key);
	await expect(kpi(page, 'Sessions')).toContainText(OCTOBER.sessions);
	await expect(kpi(page, 'Clients')).toContainText(OCTOBER.clients);
	await expect(kpi(page, 'New clients')).toContainText(OCTOBER.newClients);

	await page.getByLabel('Period', { exact: true }).selectOption(QUARTER.key);
	await expect(page.getByRole('heading', { name: QUARTER.title, level: 1 })).toBeVisible();
	await expect(kpi(page, 'Sessions')).toContainText(QUARTER.sessions);
	await expect(kpi(page, 'Clients')).toContainText(QUARTER.clients);
	await expect(kpi(page, 'New clients')).toContainText(QUARTER.newClients);

	await expect(page.getByRole('table', { name: /Outcomes by the client’s condition/ })).toBeVisible();
	await expect(page.getByRole('table', { name: /Outcomes by technique/ })).toBeVisible();
	const chart = page.getByRole('figure', { name: /Sessions per month, Q3 2026/ });
	await expect(chart.locator('svg').first()).toBeVisible();
	await expect(page.getByText(/associations, not effects/)).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.locator('footer.app-footer')).toBeHidden();
	await expect(page.getByLabel('Period', { exact: true })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.locator('figure .downloads')).toHaveCount(1);
	await expect(page.locator('figure .downloads')).toBeHidden();
	await expect(page.getByRole('heading', { name: QUARTER.title, level: 1 })).toBeVisible();
	await expect(kpi(page, 'Sessions')).toContainText(QUARTER.sessions);
	await page.screenshot({ path: 'tests/e2e/screenshots/report-print.png', fullPage: true });
	await page.pdf({ path: 'tests/e2e/screenshots/report.pdf', format: 'A4', printBackground: true });
});
