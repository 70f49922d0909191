import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';

const PAIN = 'Pain (0-10) by technique';
const CONDITIONS = 'Clients by condition';

async function waitForCharts(page: Page) {
	await expect(page.getByRole('heading', { name: 'Outcomes overview' })).toBeVisible();
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('figure', { name: CONDITIONS }).locator('svg[aria-hidden="true"]')).toBeVisible();
}

function kpi(page: Page, label: string) {
	return page.getByRole('region', { name: label, exact: true }).locator('.value');
}

/** What a person reads off the overview: the filter bar's controls, the key figures and the charts' subtitles. */
async function visibleView(page: Page) {
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	return {
		condition: await page.locator('#filter-condition').inputValue(),
		techniques: await page.locator('.filter-bar summary').first().innerText(),
		from: await page.locator('#filter-from').inputValue(),
		to: await page.locator('#filter-to').inputValue(),
		show: await page.locator('#charts-timepoint').inputValue(),
		picks: await page.getByRole('group', { name: 'Picked in a chart' }).getByRole('button').allInnerTexts(),
		kpis: await page.locator('.kpis .value').allInnerTexts(),
		subtitles: await page.locator('figure .subtitle').allInnerTexts(),
		pressed: await page.locator('button[aria-pressed="true"]').allInnerTexts()
	};
}

test('a copied link opens the same view in a new page', async ({ page, context }) => {
	await page.goto('./');
	await waitForCharts(page);
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });
	await page.getByLabel('Techniques: All techniques').click();
	for (const name of ['Deep tissue', 'Swedish (relaxation)', 'Trigger point']) await page.getByRole('checkbox', { name }).check();
	await page.keyboard.press('Escape');
	await page.locator('#filter-from').fill('2025-03');
	await page.locator('#filter-from').dispatchEvent('change');
	await page.getByLabel('Charts show').selectOption({ label: 'After the session' });
	await page.getByRole('figure', { name: PAIN }).getByRole('button', { name: 'Deep tissue' }).click();
	await expect(page).toHaveURL(/pick-technique=deep_tissue/);
	const view = await visibleView(page);
	expect(view.condition).toBe('neck_pain');
	expect(view.techniques).toBe('3 selected');
	expect(view.from).toBe('2025-03');
	expect(view.show).toBe('post');
	expect(view.picks).toEqual(['Technique: Deep tissue ×']);

	const link = page.url();
	expect(new URL(link).search).toBe('?condition=neck_pain&technique=deep_tissue&technique=swedish&technique=trigger_point&from=2025-03&show=post&pick-technique=deep_tissue');
	const copy = await context.newPage();
	await copy.goto(link);
	await waitForCharts(copy);
	expect(await visibleView(copy)).toEqual(view);
	await expect(copy.getByRole('status').filter({ hasText: 'Part of this link' })).toHaveCount(0);
	await copy.close();
});

test('back and forward step through the views', async ({ page }) => {
	await page.goto('./');
	await waitForCharts(page);
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await page.getByLabel('Condition', { exact: true }).selectOption({ label: 'Neck pain' });
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(page).toHaveURL(/\?condition=neck_pain$/);
	await page.getByLabel('Charts show').selectOption({ label: 'Improvement within the session' });
	await expect(page).toHaveURL(/\?condition=neck_pain&show=change$/);

	const computed = () => page.evaluate(() => performance.getEntriesByName('outcomes:overview-queries').length);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const queriesBefore = await computed();
	await page.goBack();
	await expect(page).toHaveURL(/\?condition=neck_pain$/);
	await expect(page.getByLabel('Charts show')).toHaveValue('pre');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	// A view shown a moment ago comes back from the page's memory, without querying again.
	expect(await page.evaluate(() => performance.getEntriesByName('outcomes:result-remembered').length)).toBeGreaterThanOrEqual(1);
	expect(await computed()).toBe(queriesBefore);
	await page.goBack();
	await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await page.goForward();
	await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('neck_pain');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await page.goForward();
	await expect(page.getByLabel('Charts show')).toHaveValue('change');
});

test('a link with settings the page cannot use opens with a notice, the rest applied', async ({ page }) => {
	await page.goto('./?condition=fibro&technique=reiki&technique=deep_tissue&from=2025-13&zoom=2');
	await waitForCharts(page);
	const notice = page.getByRole('status').filter({ hasText: 'Part of this link could not be used' });
	await expect(notice).toBeVisible();
	await expect(notice.getByRole('listitem')).toHaveText([
		'Condition “fibro” is not one this page offers for this dataset.',
		'Technique “reiki” is not in this dataset.',
		'From month “2025-13” is not a month written as YYYY-MM.',
		'“zoom” is not a setting of this page.'
	]);
	// What could be used was: deep tissue alone, and the URL now says only that (replaced, not a new entry).
	await expect(page.locator('.filter-bar summary').first()).toHaveText('Deep tissue');
	await expect(page).toHaveURL(/\/\?technique=deep_tissue$/);
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-link-notice.png' });
	await notice.getByRole('button', { name: 'Dismiss' }).click();
	await expect(notice).toHaveCount(0);
});

test('clicking a bar of the conditions chart filters the other charts; one click clears it', async ({ page }) => {
	await page.goto('./');
	await waitForCharts(page);
	const conditions = page.getByRole('figure', { name: CONDITIONS });
	const pain = page.getByRole('figure', { name: PAIN });
	await expect(pain).toContainText(`n = ${DEMO.all.painClients} clients`);
	// The bars are drawn in the table's order; click the middle of Neck pain's.
	const names = await conditions.locator('table tbody th').allTextContents();
	const bar = conditions.locator('svg[aria-hidden="true"] g[aria-label="bar"] rect').nth(names.indexOf('Neck pain'));
	await bar.click();

	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await expect(pain).toContainText(`n = ${DEMO.neckPain.painClients} clients`);
	const chip = page.getByRole('button', { name: 'Stop filtering by condition Neck pain' });
	await expect(chip).toBeVisible();
	// The conditions chart itself keeps every condition, the picked one highlighted.
	await expect(conditions.locator('g[aria-label="bar"] rect')).toHaveCount(names.length);
	await expect(conditions.locator('g[aria-label="bar"] rect[fill-opacity="0.3"]')).toHaveCount(names.length - 1);
	await expect(page).toHaveURL(/\?pick-condition=neck_pain$/);
	await page.setViewportSize({ width: 1440, height: 1100 });
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-picked-condition.png', fullPage: true });

	await chip.click();
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await expect(pain).toContainText(`n = ${DEMO.all.painClients} clients`);
	await expect(chip).toHaveCount(0);
	await expect(page.getByLabel('Condition', { exact: true })).toBeFocused();
});

test('clicking a line or a legend entry filters the other charts to that technique', async ({ page }) => {
	await page.goto('./');
	await waitForCharts(page);
	const conditions = page.getByRole('figure', { name: CONDITIONS });
	const pain = page.getByRole('figure', { name: PAIN });
	const bars = async () => (await conditions.locator('text').allTextContents()).join(' ');
	const allBars = await bars();

	// A click on a technique's point picks that technique.
	await pain.locator('svg[aria-hidden="true"] circle[fill^="var(--technique-"]:not([fill*="technique-other"]):not([fill*="technique-swedish"])').nth(5).click({ force: true });
	const chip = page.getByRole('group', { name: 'Picked in a chart' }).getByRole('button');
	await expect(chip).toHaveText(/^Technique: .+ ×$/);
	const picked = (await chip.innerText()).replace(/^Technique: (.+) ×$/, '$1');
	await expect(pain.getByRole('button', { name: picked })).toHaveAttribute('aria-pressed', 'true');
	await expect(conditions.locator('.subtitle')).toContainText(`with ${picked} as the session’s technique`);
	expect(await bars()).not.toBe(allBars);
	// In the trend charts the other techniques go light grey rather than vanish, the picked one alone in colour.
	await expect(pain.locator('g[aria-label="line"][stroke-opacity="0.35"] path').first()).toBeAttached();
	await expect(pain.getByRole('list', { name: 'Legend' }).locator('li:not(.context)')).toHaveCount(2);
	await page.screenshot({ path: 'tests/e2e/screenshots/overview-picked-technique.png', fullPage: true });

	// The legend does the same from the keyboard: pick another, then unpick it.
	const legend = page.getByRole('figure', { name: 'Stress (0-10) by technique' }).getByRole('button', { name: 'Swedish (relaxation)' });
	await legend.focus();
	await page.keyboard.press('Enter');
	await expect(chip).toHaveText('Technique: Swedish (relaxation) ×');
	await expect(kpi(page, 'Sessions')).not.toHaveText(DEMO.all.sessions);
	await page.keyboard.press('Enter');
	await expect(chip).toHaveCount(0);
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	expect(await bars()).toBe(allBars);
});

test('the conditions table picks a condition from the keyboard, and Clear filters clears picks too', async ({ page }) => {
	await page.goto('./');
	await waitForCharts(page);
	const conditions = page.getByRole('figure', { name: CONDITIONS });
	await conditions.getByText('Show as table').click();
	const pick = conditions.getByRole('button', { name: 'Filter the other charts to Neck pain' });
	await pick.focus();
	await page.keyboard.press('Enter');
	await expect(pick).toHaveAttribute('aria-pressed', 'true');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.neckPain.sessions);
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions);
	await expect(page).toHaveURL(/\/$/);
});

/** Each page's choices as a link: the controls a person sees, a change and a step back. */
const PAGES = [
	{
		path: 'techniques',
		heading: 'Techniques compared',
		link: '?condition=neck_pain&outcome=stress&adjust=benjamini-hochberg',
		controls: { '#technique-condition': 'neck_pain', '#technique-outcome': 'stress', '#technique-adjustment': 'benjamini-hochberg', '#technique-end': 'last_pre' },
		change: { control: '#technique-outcome', value: 'sleep', search: '?condition=neck_pain&outcome=sleep&adjust=benjamini-hochberg' },
		shows: { role: 'figure', name: 'Stress (0-10) improvement over the course by technique, against Swedish (relaxation)' }
	},
	{
		path: 'conditions',
		heading: 'Conditions',
		link: '?condition=insomnia&outcome=sleep',
		controls: { '#conditions-condition': 'insomnia', '#conditions-outcome': 'sleep' },
		change: { control: '#conditions-condition', value: '', search: '?condition=all&outcome=sleep' },
		shows: { role: 'figure', name: 'Sleep quality (0-10) by session number and technique' }
	},
	{
		path: 'rom',
		heading: 'Range of motion',
		link: '?condition=neck_pain&course=last_post',
		controls: { '#rom-condition': 'neck_pain', '#rom-technique': '', '#rom-end': 'last_post' },
		change: { control: '#rom-end', value: 'last_pre', search: '?condition=neck_pain' },
		shows: { role: 'figure', name: 'Range of motion (% of normal) by movement' }
	},
	{
		path: 'therapists',
		heading: 'Therapists',
		link: '?outcome=stress&clinic=north',
		controls: { '#therapists-outcome': 'stress', '#therapists-condition': '', '#therapists-clinic': 'north' },
		change: { control: '#therapists-clinic', value: '', search: '?outcome=stress' },
		shows: { role: 'figure', name: 'Funnel plot: stress improvement (0-10) by home therapist against clients (n), adjusted for case mix' }
	},
	{
		path: 'report',
		heading: 'Clinic report',
		link: '?period=2026-Q1',
		controls: { '#report-period': '2026-Q1' },
		change: { control: '#report-period', value: '2026-02', search: '?period=2026-02' },
		shows: { role: 'heading', name: 'Clinic report: Q1 2026 (Jan–Mar)' }
	}
] as const;

for (const spec of PAGES) {
	test(`the ${spec.path} page opens a link's choices, and back undoes a change`, async ({ page }) => {
		await page.goto(`./${spec.path}${spec.link}`);
		await expect(page.getByRole('heading', { name: spec.heading, level: 1 }).first()).toBeVisible();
		const [first] = Object.keys(spec.controls);
		await expect(page.locator(first)).toBeVisible({ timeout: 30_000 });
		for (const [control, value] of Object.entries(spec.controls)) await expect(page.locator(control)).toHaveValue(value);
		await expect(page.getByRole(spec.shows.role, { name: spec.shows.name, exact: true })).toBeVisible();
		await expect(page.getByText('Part of this link could not be used')).toHaveCount(0);

		await page.locator(spec.change.control).selectOption(spec.change.value);
		await expect(page).toHaveURL(new RegExp(`/${spec.path}${spec.change.search.replace(/[?]/g, '\\?')}$`));
		await page.goBack();
		await expect(page).toHaveURL(new RegExp(`/${spec.path}${spec.link.replace(/[?]/g, '\\?')}$`));
		for (const [control, value] of Object.entries(spec.controls)) await expect(page.locator(control)).toHaveValue(value);
	});
}

test('an analysis page ignores a value it does not offer, with a notice', async ({ page }) => {
	await page.goto('./techniques?outcome=rom&condition=insomnia');
	const notice = page.getByRole('status').filter({ hasText: 'Part of this link could not be used' });
	await expect(notice).toContainText('Outcome “rom” is not one this page offers for this dataset.', { timeout: 30_000 });
	await expect(page.locator('#technique-condition')).toHaveValue('insomnia');
	await expect(page.locator('#technique-outcome')).toHaveValue('pain');
	await expect(page).toHaveURL(/\/techniques\?condition=insomnia$/);
});

test('the SQL console keeps the query it ran in the link, and a link runs it', async ({ page, context }) => {
	await page.goto(`./sql?q=${encodeURIComponent('SELECT 6 * 7 AS answer')}`);
	const result = page.getByRole('region', { name: 'Query result' });
	await expect(result.locator('tbody td').first()).toHaveText('42', { timeout: 30_000 });
	await expect(page.getByLabel('SQL query')).toHaveValue('SELECT 6 * 7 AS answer');

	await page.getByLabel('SQL query').fill('SELECT 1 + 1 AS two');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(result.locator('tbody td').first()).toHaveText('2');
	await expect(page).toHaveURL(/\/sql\?q=SELECT\+1\+%2B\+1\+AS\+two$/);
	const link = page.url();

	await page.goBack();
	await expect(result.locator('tbody td').first()).toHaveText('42');
	const copy = await context.newPage();
	await copy.goto(link);
	await expect(copy.getByRole('region', { name: 'Query result' }).locator('tbody td').first()).toHaveText('2', { timeout: 30_000 });
	await copy.close();
});
