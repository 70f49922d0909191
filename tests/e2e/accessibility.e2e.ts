import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

type Page = import('@playwright/test').Page;

/** Every page, its heading, and what shows that its content is there. */
const PAGES: { path: string; heading: string; ready: 'chart' | ((page: Page) => Promise<void>) }[] = [
	{ path: './', heading: 'Outcomes overview', ready: 'chart' },
	{ path: './techniques', heading: 'Techniques compared', ready: 'chart' },
	{ path: './conditions', heading: 'Conditions', ready: 'chart' },
	{ path: './rom', heading: 'Range of motion', ready: 'chart' },
	{ path: './therapists', heading: 'Therapists', ready: 'chart' },
	{
		path: './on-track',
		heading: 'Clients not on track',
		ready: (page) => expect(page.getByRole('table', { name: /Clients not on track/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		path: './data',
		heading: 'Your data',
		ready: (page) => expect(page.getByRole('region', { name: 'Datasets in this browser' })).toContainText(/demo/i, { timeout: 30_000 })
	},
	{ path: './sql', heading: 'SQL console', ready: (page) => expect(page.getByLabel('SQL query')).toBeVisible({ timeout: 30_000 }) },
	{ path: './dictionary', heading: 'Data dictionary', ready: (page) => expect(page.getByRole('table').first()).toBeVisible() },
	{ path: './report', heading: 'Clinic report', ready: 'chart' }
];

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(page: Page, path: string, heading: string, ready: (typeof PAGES)[number]['ready']) {
	await page.goto(path);
	await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
	if (ready === 'chart') await expect(page.getByRole('figure').first().locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
	else await ready(page);
}

/** The serious and critical violations, each as "id: target, target (help)", so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} [${v.impact}]: ${v.nodes.map((n) => n.target.join(' ')).join(', ')} (${v.help})`);
}

for (const scheme of ['light', 'dark'] as const) {
	for (const { path, heading, ready } of PAGES) {
		test(`${path} has no serious or critical axe violation in the ${scheme} theme`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await open(page, path, heading, ready);
			const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
			expect(background).toBe(scheme === 'light' ? 'rgb(246, 247, 249)' : 'rgb(17, 20, 24)');
			expect(await seriousViolations(page)).toEqual([]);
		});
	}
}

test('every chart names its measure and has a one-sentence summary and a table toggle', async ({ page }) => {
	await open(page, './conditions', 'Conditions', 'chart');
	const figures = page.getByRole('figure');
	expect(await figures.count()).toBeGreaterThanOrEqual(3);
	for (const figure of await figures.all()) {
		const summary = await figure.evaluate((f) => document.getElementById(f.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '');
		expect(summary.length, 'the summary under a chart').toBeGreaterThan(10);
		await expect(figure.getByText('Show as table')).toBeVisible();
	}
});

test('the theme follows the system until one is chosen, and the choice is remembered', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await open(page, './dictionary', 'Data dictionary', PAGES.find((p) => p.path === './dictionary')!.ready);
	const theme = page.getByLabel('Theme', { exact: true });
	await expect(theme).toHaveValue('system');
	const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	expect(await background()).toBe('rgb(17, 20, 24)');

	await theme.selectOption('light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	expect(await background()).toBe('rgb(246, 247, 249)');

	// Kept across a reload, and applied by app.html before the app starts.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('light');
	expect(await background()).toBe('rgb(246, 247, 249)');

	await page.getByLabel('Theme', { exact: true }).selectOption('dark');
	expect(await background()).toBe('rgb(17, 20, 24)');

	await page.getByLabel('Theme', { exact: true }).selectOption('system');
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	expect(await page.evaluate(() => localStorage.getItem('massage-outcomes:theme'))).toBeNull();
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await background()).toBe('rgb(246, 247, 249)');
});

test('focus is visible on links, buttons, selects and table toggles', async ({ page }) => {
	await open(page, './conditions', 'Conditions', 'chart');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
	const summary = page.getByText('Show as table').first();
	await summary.focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Shift+Tab');
	await expect(summary).toBeFocused();
	expect(await summary.evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('3px');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('figure').first().getByRole('table')).toBeVisible();
});
