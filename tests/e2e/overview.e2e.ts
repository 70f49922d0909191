import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';

const CHARTS = [
	'Pain (0-10) by technique',
	'Stress (0-10) by technique',
	'Sleep quality (0-10) by technique',
	'Range of motion (% of normal) by technique'
];

mkdirSync('tests/e2e/screenshots', { recursive: true });

async function openOverview(page: import('@playwright/test').Page) {
	await page.goto('./');
	await expect(page.getByRole('heading', { name: 'Outcomes overview' })).toBeVisible();
	await expect(page.getByRole('figure', { name: CHARTS[0] }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
}

function kpi(page: import('@playwright/test').Page, label: string) {
	return page.getByRole('region', { name: label, exact: true }).locator('.value');
}

test('the overview loads the demo data and draws all four charts', async ({ page }) => {
	await openOverview(page);
	for (const name of CHARTS) {
		const figure = page.getByRole('figure', { name });
		await expect(figure).toBeVisible();
		// A drawn line per technique in the legend, and dots for the points.
		const legend = await figure.getByRole('list', { name: 'Legend' }).getByRole('listitem').count();
		expect(legend).toBeGreaterThan(3);
		expect(await figure.locator('svg[aria-hidden="true"] g[aria-label="line"] path').count()).toBeGreaterThanOrEqual(legend - 1);
		expect(await figure.locator('svg[aria-hidden="true"] circle').count()).toBeGreaterThan(20);
		await expect(figure).toContainText(/n = [\d,]+ clients|n: all but fewer than 11 of the [\d,]+ clients/);
	}
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await expect(kpi(page, 'Clients')).toHaveText(DEMO.all.clients);
	await expect(kpi(page, 'Pain change within a session')).toHaveText(DEMO.all.withinPainChange);
	await expect(kpi(page, 'Clients with meaningful pain relief')).toHaveText(DEMO.all.responderShare);
	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-1440.png', fullPage: true });
});

test('how clients improve comes first, before the trends, with numbers and a table', async ({ page }) => {
	await openOverview(page);
	const section = page.getByRole('region', { name: 'How clients improve' });
	const byCondition = section.getByRole('figure', { name: 'Pain improvement (0-10 points) by condition' });
	const byTechnique = section.getByRole('figure', { name: 'Pain improvement (0-10 points) by technique' });
	for (const figure of [byCondition, byTechnique]) await expect(figure.locator('svg[aria-hidden="true"] circle').first()).toBeAttached();
	// Right after the key figures, before the first trend.
	const order = await page.evaluate(() => {
		const [kpis, improvement, trends] = ['Key figures', 'How clients improve', 'Trends by technique'].map((name) =>
			[...document.querySelectorAll('section')].find((s) => s.getAttribute('aria-label') === name || s.querySelector('h2')?.textContent === name)
		);
		return [kpis!.compareDocumentPosition(improvement!), improvement!.compareDocumentPosition(trends!)];
	});
	// 4: DOCUMENT_POSITION_FOLLOWING.
	expect(order).toEqual([4, 4]);
	await byCondition.getByText('Show as table').click();
	const table = byCondition.getByRole('table');
	await expect(table.getByRole('columnheader', { name: 'Over a course', exact: true })).toBeVisible();
	// Most clients first: low back pain, its n, and a mean with a 95% CI, over a course and within a session.
	const first = table.locator('tbody tr').first();
	await expect(first.getByRole('rowheader')).toHaveText('Chronic low back pain');
	await expect(first.locator('td').nth(1)).toHaveText(/^\d\.\d \(\d\.\d to \d\.\d\)$/);
	await expect(first.locator('td').nth(3)).toHaveText(/^\d\.\d \(\d\.\d to \d\.\d\)$/);
	expect(Number((await first.locator('td').first().textContent())!.replace(',', ''))).toBeGreaterThanOrEqual(11);
});

test('choosing a condition changes the charts and their n', async ({ page }) => {
	await openOverview(page);
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await expect(pain).toContainText(`n = ${DEMO.all.painClients} clients`);
	const before = await pain.locator('svg[aria-hidden="true"]').innerHTML();

	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });

	await expect(pain).toContainText(`n = ${DEMO.neckPain.painClients} clients`);
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(page.getByText('Neck pain.', { exact: false }).first()).toBeVisible();
	expect(await pain.locator('svg[aria-hidden="true"]').innerHTML()).not.toBe(before);
	// Neck pain has cervical rotation, so its ROM chart has points.
	await expect(page.getByRole('figure', { name: CHARTS[3] }).locator('svg[aria-hidden="true"] circle').first()).toBeAttached();

	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(pain).toContainText(`n = ${DEMO.all.painClients} clients`);
});

test('once its rollups are built, the overview reads them under every filter, with the same figures', async ({ page }) => {
	await openOverview(page);
	const marks = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
	await expect.poll(() => marks('outcomes:rollups-built'), { timeout: 30_000 }).toBe(1);
	const pain = page.getByRole('figure', { name: CHARTS[0] });

	// A condition splits no client's sums: read from the rollups.
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(pain).toContainText(`n = ${DEMO.neckPain.painClients} clients`);
	await expect.poll(() => marks('outcomes:overview-from-rollups')).toBe(1);

	// Every session, after the session: read from the rollups too.
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await page.getByLabel('Charts show').selectOption('post');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await expect(kpi(page, 'Clients')).toHaveText(DEMO.all.clients);
	await expect.poll(() => marks('outcomes:overview-from-rollups')).toBe(2);

	// A therapist splits a client's month: summed from the finest rollup (per therapist and clinic), not the sessions.
	const therapist = page.getByLabel('Therapist', { exact: true });
	await therapist.selectOption({ index: 1 });
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect.poll(() => marks('outcomes:overview-from-rollups')).toBe(3);
});

test('a quick run of filter changes skips the choices overtaken, and shows the last', async ({ page }) => {
	await openOverview(page);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const queries = () => page.evaluate(() => performance.getEntriesByName('outcomes:overview-queries').length);
	const before = await queries();
	// Five conditions a few milliseconds apart, as holding an arrow key on the list does: each is its own change,
	// all but the first made while the first is computed.
	await page.evaluate(async () => {
		const select = document.getElementById('filter-condition') as HTMLSelectElement;
		for (const value of ['fibromyalgia', 'insomnia', 'tension_headache', 'chronic_low_back_pain', 'neck_pain']) {
			select.value = value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	});
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	// Without coalescing, five; overtaken choices are skipped.
	expect(await queries()).toBeLessThan(before + 5);
	await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('neck_pain');
});

test('a change redraws only the charts it changes', async ({ page }) => {
	await openOverview(page);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const drawing = (name: string) => page.getByRole('figure', { name, exact: true }).locator('svg[aria-hidden="true"]').first();
	// Tag the drawings on screen: a chart drawn again is a new element, without the tag.
	for (const name of [CHARTS[0], 'Clients by condition']) await drawing(name).evaluate((svg) => svg.setAttribute('data-before', ''));

	// The trends show another timepoint; clients by condition stay as they were.
	await page.getByLabel('Charts show').selectOption('post');
	await expect(page.getByRole('figure', { name: CHARTS[0] })).toContainText('after the session');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect(drawing(CHARTS[0])).not.toHaveAttribute('data-before');
	await expect(drawing('Clients by condition')).toHaveAttribute('data-before');

	// A condition changes both.
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(drawing('Clients by condition')).not.toHaveAttribute('data-before');
});

test('a month range limits every figure to those months', async ({ page }) => {
	await openOverview(page);
	const from = page.getByLabel('From month');
	const to = page.getByLabel('To month');
	await expect(from).toHaveValue('2024-11');
	await expect(to).toHaveValue('2026-10');
	await from.fill('2026-01');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.from2026.sessions);
	await to.fill('2026-03');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.firstQuarter2026.sessions);
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await pain.getByText('Show as table').click();
	await expect(pain.getByRole('table').locator('tbody tr')).toHaveCount(3);
});

test('the charts can show scores after the session or the improvement within it', async ({ page }) => {
	await openOverview(page);
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await expect(pain).toContainText('Pain (0-10, lower is better)');
	await page.getByLabel('Charts show').selectOption({ label: 'Improvement within the session' });
	await expect(pain).toContainText('Monthly mean per client, improvement within the session');
	await expect(pain.locator('svg[aria-hidden="true"]')).toContainText('Improvement within session (points)');
	const rom = page.getByRole('figure', { name: CHARTS[3] });
	await expect(rom.locator('svg[aria-hidden="true"]')).toContainText('Improvement within session (% of normal)');
	// The table holds the same numbers: pain improves within a session in every month shown (positive means).
	await pain.getByText('Show as table').click();
	const firstMean = await pain.getByRole('table').locator('tbody tr').first().locator('td').first().innerText();
	expect(Number.parseFloat(firstMean)).toBeGreaterThan(0.5);
});

test('small groups are hidden, and said to be', async ({ page }) => {
	await openOverview(page);
	await page.getByLabel('Therapist').selectOption('T01');
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await expect(pain).toContainText(/\d+ of \d+ month × technique groups had fewer than 11 clients \(or would reveal one by subtraction\) and are hidden/);
	await pain.getByText('Show as table').click();
	const table = pain.getByRole('table');
	await expect(table).toContainText('– for no data or fewer than 11 clients');
	expect(await table.locator('td', { hasText: /^–$/ }).count()).toBeGreaterThan(0);
	// Every n the table shows is at least 11.
	for (const n of await table.locator('.n').allInnerTexts()) expect(Number(n.replace(/[()]/g, ''))).toBeGreaterThanOrEqual(11);
});

test('a group too small to show leaves no trace of when or how it was treated', async ({ page }) => {
	await openOverview(page);
	await page.getByLabel('Therapist').selectOption('T01');
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Prenatal' });
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await expect(pain).toContainText('hidden to protect privacy');
	await expect(pain.getByText('Show as table')).toHaveCount(0);
	await expect(pain).not.toContainText('groups had fewer');
	await expect(pain.locator('svg')).toHaveCount(0);
});

test('a selection with no sessions says so, rather than blaming privacy', async ({ page }) => {
	await openOverview(page);
	// T01 works at the North clinic only.
	await page.getByLabel('Therapist').selectOption('T01');
	await page.getByLabel('Clinic', { exact: true }).selectOption({ label: 'West' });
	await expect(page.getByRole('region', { name: 'Sessions', exact: true })).toContainText('No sessions match these filters');
	await expect(page.getByRole('figure', { name: CHARTS[0] })).toContainText('No sessions match these filters.');
	await expect(page.getByRole('figure', { name: CHARTS[0] }).locator('svg')).toHaveCount(0);
});

test('every chart has a table alternative with the same numbers', async ({ page }) => {
	await openOverview(page);
	const pain = page.getByRole('figure', { name: CHARTS[0] });
	await pain.getByText('Show as table').click();
	const table = pain.getByRole('table');
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Month' })).toBeVisible();
	expect(await table.locator('tbody tr').count()).toBe(DEMO.months);
	const firstRow = table.locator('tbody tr').first();
	await expect(firstRow.getByRole('rowheader')).toHaveText('Nov 2024');
	await expect(firstRow.locator('td').first()).toHaveText(DEMO.all.firstMonthPain);
	for (const name of CHARTS.slice(1)) {
		const figure = page.getByRole('figure', { name });
		await figure.getByText('Show as table').click();
		// Months with no shown group are left out (range of motion's first month has too few clients).
		const months = await figure.getByRole('table').locator('tbody tr').count();
		expect(months).toBeGreaterThanOrEqual(DEMO.months - 1);
		expect(months).toBeLessThanOrEqual(DEMO.months);
	}
});

test('filters work from the keyboard', async ({ page }) => {
	await openOverview(page);
	const condition = page.getByLabel('Condition', { exact: true });
	await condition.focus();
	await page.keyboard.press('ArrowDown');
	await expect(condition).not.toHaveValue('');

	const techniques = page.getByLabel('Techniques: All techniques');
	await techniques.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	const first = page.getByRole('group', { name: 'Techniques' }).getByRole('checkbox').first();
	await expect(first).toBeChecked();
	await expect(page.getByRole('button', { name: 'Clear filters' })).toBeEnabled();
	await page.keyboard.press('Escape');
	await expect(first).toBeHidden();
	await expect(page.getByLabel(/^Techniques: /)).toBeFocused();
	// Clearing keeps focus in the filter bar, and a screen reader hears what is now shown.
	await page.getByRole('button', { name: 'Clear filters' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Condition', { exact: true })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing All conditions: ${DEMO.all.sessions} sessions, ${DEMO.all.clients} clients.`);
});

test('the overview is usable at phone width', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await openOverview(page);
	for (const name of CHARTS) await expect(page.getByRole('figure', { name })).toBeVisible();
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBeLessThanOrEqual(0);
	// The techniques menu, open, stays on screen.
	await page.getByLabel('Techniques: All techniques').click();
	const menu = page.getByRole('group', { name: 'Techniques' });
	await expect(menu).toBeVisible();
	const box = (await menu.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-390-menu.png' });
	await page.keyboard.press('Escape');
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-390.png', fullPage: true });
});

test.describe('when the database engine cannot be downloaded', () => {
	test.use({ expectedProblems: /^(console error: Failed to load resource|uncaught: Failed to fetch$)/ });

	test('the page says so and offers a reload', async ({ page }) => {
		await page.route('**/*.wasm', (route) => route.abort('failed'));
		await page.goto('./');
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('The in-browser database could not start');
		await expect(alert).toContainText('the database engine could not be downloaded');
		await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
		await expect(page.getByRole('figure')).toHaveCount(0);
	});
});

test('the data dictionary lists fields, instruments with MCIDs and sources, and ROM norms', async ({ page }) => {
	await openOverview(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data dictionary' }).click();
	await expect(page.getByRole('heading', { name: 'Data dictionary', level: 1 })).toBeVisible();
	const pain = page.getByRole('table', { name: 'Outcome instruments' }).getByRole('row', { name: /pain_nrs/ });
	await expect(pain).toContainText('2 points or 30%');
	await expect(pain).toContainText('Farrar et al. 2001');
	const rotation = page.getByRole('table', { name: 'Normal active range of motion' }).getByRole('row', { name: /cervical_rotation/ });
	await expect(rotation.getByRole('cell').nth(1)).toHaveText('80');
	await expect(page.getByRole('table', { name: 'measurements' })).toContainText('pre, post, intake, discharge');
	await page.setViewportSize({ width: 1440, height: 1000 });
	await page.screenshot({ path: 'tests/e2e/screenshots/dictionary-1440.png', fullPage: true });
});
