import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';

mkdirSync('tests/e2e/screenshots', { recursive: true });

const FOREST = 'Pain (0-10) improvement over the course by technique, against Swedish';

async function openTechniques(page: import('@playwright/test').Page) {
	await page.goto('./techniques');
	await expect(page.getByRole('heading', { name: 'Techniques compared', level: 1 })).toBeVisible();
	await expect(page.getByRole('figure', { name: FOREST }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
}

function resultRow(page: import('@playwright/test').Page, technique: string) {
	return page.getByRole('table', { name: /change from the first session to the end of the course/ }).getByRole('row', { name: new RegExp(`^${technique}`) });
}

test('low back pain: techniques side by side with n, CIs, named effect sizes and the adjusted comparison', async ({ page }) => {
	await openTechniques(page);
	await expect(page.getByLabel('Condition')).toHaveValue('chronic_low_back_pain');
	await expect(page.getByLabel('Outcome')).toHaveValue('pain');
	// data/README.md §2: n and first pre − last pre per course technique.
	await expect(resultRow(page, 'Deep tissue')).toContainText('81');
	await expect(resultRow(page, 'Deep tissue')).toContainText('2.00 (1.65 to 2.35)');
	await expect(resultRow(page, 'Swedish')).toContainText('0.67');
	await expect(resultRow(page, 'Swedish')).toContainText('reference');
	await expect(resultRow(page, 'Deep tissue')).toContainText('1.26 (0.74 to 1.78)');
	await expect(page.getByRole('columnheader', { name: 'Cohen’s d_z (standardized response mean)' })).toBeVisible();
	for (const name of [FOREST, 'Pain (0-10) responders by technique', 'Pain (0-10) improvement within the session by technique']) {
		const figure = page.getByRole('figure', { name });
		await expect(figure.locator('svg[aria-hidden="true"] circle')).toHaveCount(name === FOREST ? 3 : 4);
		await figure.getByText('Show as table').click();
		await expect(figure.getByRole('table')).toBeVisible();
	}
	await expect(page.getByText(/associations, not effects/).first()).toBeVisible();
	await expect(page.getByRole('columnheader', { name: /^p \(Holm/ }).first()).toBeVisible();
	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/techniques-1440.png', fullPage: true });
});

test('choosing another condition, outcome and reference recomputes everything', async ({ page }) => {
	await openTechniques(page);
	await page.getByLabel('Condition').selectOption('anxiety_stress');
	await page.getByLabel('Outcome').selectOption('stress');
	await expect(page.getByRole('figure', { name: 'Stress (0-10) improvement over the course by technique, against Swedish' })).toBeVisible();
	await expect(resultRow(page, 'Swedish')).toContainText('2.35');
	await expect(resultRow(page, 'Hydrotherapy')).toContainText('0.74');
	await expect(page.getByText(/half the baseline SD: no MCID is published/).first()).toBeVisible();
	await page.getByLabel('Compare against').selectOption('hydrotherapy');
	await expect(page.getByRole('figure', { name: 'Stress (0-10) improvement over the course by technique, against Hydrotherapy' })).toBeVisible();
	await expect(resultRow(page, 'Hydrotherapy')).toContainText('reference');
});

test('a technique with fewer than k clients is hidden, counted, and never named', async ({ page }) => {
	await openTechniques(page);
	await page.getByLabel('Condition').selectOption('hypertension');
	// Hypertension × hydrotherapy has 3 clients with 2+ sessions (data/README.md).
	await expect(page.getByText(/technique(s)? with fewer than 11 clients (is|are) hidden to protect privacy/).first()).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('Hydrotherapy');
	await page.getByLabel('Smallest group shown (clients)').fill('20');
	await page.getByLabel('Smallest group shown (clients)').press('Enter');
	await page.getByLabel('Condition').selectOption('fibromyalgia');
	await expect(resultRow(page, 'Swedish')).toContainText('32');
	// Deep tissue courses (12 clients) are hidden; its within-session figure (38 clients, by session technique) is not.
	await expect(page.getByRole('table', { name: /change from the first session to the end of the course/ })).not.toContainText('Deep tissue');
	await expect(page.getByRole('figure', { name: /improvement over the course/ })).not.toContainText('Deep tissue');
	await page.getByLabel('Smallest group shown (clients)').fill('4');
	await page.getByLabel('Smallest group shown (clients)').press('Enter');
	await expect(page.getByText('Enter a whole number of at least 5.')).toBeVisible();
});

test('the techniques page works at phone width and from the keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 900 });
	await openTechniques(page);
	await page.getByLabel('Condition').focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Condition')).not.toHaveValue('chronic_low_back_pain');
	await expect(page.getByRole('figure', { name: /^Pain \(0-10\) improvement over the course by technique/ }).locator('svg[aria-hidden="true"]')).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: 'tests/e2e/screenshots/techniques-390.png', fullPage: true });
});
