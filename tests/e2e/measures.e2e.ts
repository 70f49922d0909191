import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { checkRows, importRows, kpi, LONG, openData } from './importSteps';

mkdirSync('tests/e2e/screenshots', { recursive: true });

const HEADER = 'client_id,visit_date,technique,condition,pain_pre,pain_post';

/** A date `days` after 5 January 2026, `YYYY-MM-DD`. */
function day(days: number): string {
	return new Date(Date.UTC(2026, 0, 5 + days)).toISOString().slice(0, 10);
}

async function importCsv(page: Page, name: string, lines: string[], rows: string) {
	await openData(page);
	await page.getByLabel('Import data').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n')) });
	await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: LONG });
	await checkRows(page, rows, `${rows} rows can be imported, 0 rows rejected`);
	await importRows(page, rows, `${rows} rows imported, 0 rows rejected`);
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
}

async function openTechniques(page: Page) {
	await page.getByRole('link', { name: 'Techniques', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Techniques compared', level: 1 })).toBeVisible();
	await expect(page.getByLabel('Condition')).toHaveValue('chronic_low_back_pain', { timeout: LONG });
}

test('one-decimal scores: 15 of 30 clients whose pain falls by exactly the MCID (2.3 → 0.3) are responders', async ({ page }) => {
	// 30 clients of Swedish massage for low back pain, two visits a week apart, pain 2.3 before the first. Before the
	// second, 15 are at 0.3 (a fall of 2, the MCID, which is 1.9999999999999998 in binary) and 15 at 1.3.
	const lines = Array.from({ length: 30 }, (_, i) => {
		const id = `C${String(3001 + i)}`;
		const second = i < 15 ? '0.3,0.3' : '1.3,1.0';
		return [`${id},${day(i)},swedish,chronic_low_back_pain,2.3,1.3`, `${id},${day(i + 7)},swedish,chronic_low_back_pain,${second}`];
	}).flat();
	await importCsv(page, 'one-decimal.csv', lines, '60');

	await page.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('60', { timeout: LONG });
	await expect(kpi(page, 'Clients with meaningful pain relief')).toHaveText('50%');
	await expect(page.getByRole('region', { name: 'Clients with meaningful pain relief', exact: true })).toContainText('15 of 30 courses');

	await openTechniques(page);
	const row = page.getByRole('table', { name: /change from the first session to the end of the course/ }).getByRole('row', { name: /^Swedish/ });
	// Wilson 95% interval of 15/30: 33% to 67%.
	await expect(row).toContainText('50% (33% to 67%), 15 of 30', { timeout: LONG });
	await expect(row).toContainText('30');
});

/** n, mean, t-based 95% CI, d_z and d_av of paired scores, worked out here without the app. */
function pairedSummary(pre: number[], post: number[]) {
	const n = pre.length;
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
	const change = pre.map((p, i) => p - post[i]);
	const m = mean(change);
	// t(0.975, 14), from R: qt(0.975, 14).
	const half = 2.1447866879169273 * (sd(change) / Math.sqrt(n));
	return { n, mean: m, lower: m - half, upper: m + half, dz: m / sd(change), dav: m / ((sd(pre) + sd(post)) / 2) };
}

const two = (x: number) => x.toFixed(2).replace('-', '−');

test('a single-visit study shows within-session n, mean, CI, d_z and d_av for each technique', async ({ page }) => {
	// One visit per client: 15 clients each of three techniques, pain before and after.
	const techniques = ['deep_tissue', 'swedish', 'trigger_point'];
	const drops = [0, 1, 1, 2, 2, 3, 1, 2, 4, 1];
	const data = techniques.map((technique, j) => {
		const pre = Array.from({ length: 15 }, (_, i) => 3 + ((i * 5 + j) % 7));
		const post = pre.map((p, i) => Math.max(0, p - drops[(i * 3 + j * 2) % drops.length] - (j === 0 ? 1 : 0)));
		return { technique, pre, post };
	});
	const lines = data.flatMap(({ technique, pre, post }, j) =>
		pre.map((p, i) => `V${j}${String(i).padStart(2, '0')},${day(i + j * 15)},${technique},chronic_low_back_pain,${p},${post[i]}`)
	);
	await importCsv(page, 'single-visit.csv', lines, '45');

	await openTechniques(page);
	const figure = page.getByRole('figure', { name: 'Pain (0-10) improvement within the session by technique' });
	await expect(figure.locator('svg[aria-hidden="true"] circle')).toHaveCount(3, { timeout: LONG });
	await figure.getByText('Show as table').click();
	const table = figure.getByRole('table', { name: 'Pain (0-10): improvement within the session by technique' });
	await expect(table.getByRole('columnheader', { name: 'Cohen’s d_z (standardized response mean)' })).toBeVisible();
	await expect(page.getByText(/No client here has a later scored visit, so there is no across-course change/)).toBeVisible();
	await expect(page.getByRole('table', { name: /change from the first session to the end of the course/ })).toHaveCount(0);
	await expect(table.getByRole('columnheader', { name: 'Cohen’s d_av' })).toBeVisible();
	const labels: Record<string, string> = { deep_tissue: 'Deep tissue', swedish: 'Swedish', trigger_point: 'Trigger point' };
	for (const { technique, pre, post } of data) {
		const s = pairedSummary(pre, post);
		const cells = table.getByRole('row', { name: new RegExp(`^${labels[technique]}`) }).getByRole('cell');
		await expect(cells).toHaveText(['15', '15', `${two(s.mean)} (${two(s.lower)} to ${two(s.upper)})`, two(s.dz), two(s.dav)]);
	}
	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/techniques-single-visit-1440.png', fullPage: true });
});
