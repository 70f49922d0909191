import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DEMO_NOT_ON_TRACK } from './demoFacts';

mkdirSync('tests/e2e/screenshots', { recursive: true });

type Page = import('@playwright/test').Page;

async function openOnTrack(page: Page) {
	await page.goto('./on-track');
	await expect(page.getByRole('heading', { name: 'Clients not on track', level: 1 })).toBeVisible();
	await expect(page.getByRole('table', { name: /Clients not on track/ })).toBeVisible({ timeout: 30_000 });
}

test('lists the clients behind their expected course, explains each, and draws one against it', async ({ page }) => {
	await openOnTrack(page);
	const table = page.getByRole('table', { name: /Clients not on track/ });
	// Seen in the last 6 weeks of the demo data (tests/unit/onTrack/findsPlanted.test.ts has the same count).
	await expect(page.getByRole('region', { name: 'Clients judged' })).toContainText(`${DEMO_NOT_ON_TRACK.active6Weeks} not on track`);
	await expect(table.locator('tbody tr')).toHaveCount(DEMO_NOT_ON_TRACK.active6Weeks);
	const planted = table.getByRole('row', { name: new RegExp(DEMO_NOT_ON_TRACK.plantedClient) });
	await expect(planted).toContainText('Not on track');
	await expect(planted).toContainText(/Pain \d+ before session \d+; clients with .* who started at \d+ average \d+\.\d there, usually/);
	await expect(planted).toContainText('worse than expected');

	// Keyboard: the row's button draws the client's course, with its table alternative; no chart file is offered.
	await planted.getByRole('button', { name: /Show the course of client/ }).focus();
	await page.keyboard.press('Enter');
	const figure = page.getByRole('figure', { name: `Pain (0-10) by session: client ${DEMO_NOT_ON_TRACK.plantedClient} against the expected course` });
	await expect(figure.locator('svg[aria-hidden="true"] circle').first()).toBeVisible();
	await expect(figure.getByRole('button', { name: /Download/ })).toHaveCount(0);
	await figure.getByText('Show as table').click();
	await expect(figure.getByRole('table')).toContainText('Yes, worse');

	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/on-track-1440.png', fullPage: true });
	expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.setViewportSize({ width: 390, height: 900 });
	await page.screenshot({ path: 'tests/e2e/screenshots/on-track-390-dark.png', fullPage: true });
	expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))).toEqual([]);

	// Every client seen at any time: the list grows, and a condition narrows it.
	await page.getByLabel('Clients seen').selectOption({ label: 'At any time' });
	await expect(page.getByRole('region', { name: 'Clients judged' })).toContainText(`${DEMO_NOT_ON_TRACK.allTime} not on track`);
	// The link keeps the selection, never the client shown.
	await expect(page).toHaveURL(/[?&]seen=any/);
	expect(page.url()).not.toContain(DEMO_NOT_ON_TRACK.plantedClient);
	// Nothing on the page leaves the browser: no export or download control.
	await expect(page.getByRole('button', { name: /download|export/i })).toHaveCount(0);
});
