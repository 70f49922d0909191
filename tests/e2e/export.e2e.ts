import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

const PAIN = 'Pain (0-10) by technique';
const HEADER = 'session_id,client_id,session_number,days_since_first_visit,technique,first_visit,condition,age_band,sex,instrument,timepoint,value,rom_movement,side';
const HEADER_WITH_CLINIC =
	'session_id,client_id,session_number,days_since_first_visit,technique,first_visit,condition,age_band,sex,clinic_id,instrument,timepoint,value,rom_movement,side';

async function openOverview(page: import('@playwright/test').Page) {
	await page.goto('./');
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
}

async function downloaded(page: import('@playwright/test').Page, click: () => Promise<void>) {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test('the overview downloads the filtered data as CSV, recoded to be k-anonymous, with the counts it announces', async ({ page }) => {
	await openOverview(page);
	const panel = page.getByRole('region', { name: 'Export the filtered data' });
	await panel.getByText('Show the export options').click();
	// The demo data at k = 11 (see tests/unit/export/exportRows.test.ts): without the clinic by default.
	await expect(panel.getByRole('status')).toContainText(
		'107,077 scores of 1,837 of 1,900 clients will be exported. So that at least 11 clients share each combination of age band, sex, condition and first visit, age, condition and first visit are coarsened (age in 20-year bands, sex as recorded, condition group and no first visit (all)), and 63 clients (3,535 scores) whose combination fewer than 11 clients still share are left out.'
	);
	const csv = await downloaded(page, () => panel.getByRole('button', { name: 'Download data (CSV)' }).click());
	expect(csv.name).toMatch(/^massage-outcomes-data-\d{4}-\d{2}-\d{2}\.csv$/);
	const lines = csv.text.trimEnd().split('\r\n');
	expect(lines[0]).toBe(HEADER);
	expect(lines).toHaveLength(1 + 107077);
	expect(lines[1]).toMatch(/^[^,]+,[^,]+,\d+,0,[a-z_]+,all,[a-z_]+,(18-39|40-59|60\+),[a-z]+,/);

	// With the clinic kept exact, the other columns are coarsened more.
	await panel.getByLabel('Include the clinic').check();
	await expect(panel.getByRole('status')).toContainText('108,360 scores of 1,859 of 1,900 clients will be exported.');
	await expect(panel.getByRole('status')).toContainText(
		'share each combination of age band, sex, condition, first visit and clinic, age, condition and first visit are coarsened (no age (all), sex as recorded, condition group and no first visit (all)), and 41 clients (2,252 scores)'
	);
	const withClinic = await downloaded(page, () => panel.getByRole('button', { name: 'Download data (CSV)' }).click());
	const clinicLines = withClinic.text.trimEnd().split('\r\n');
	expect(clinicLines[0]).toBe(HEADER_WITH_CLINIC);
	expect(clinicLines).toHaveLength(1 + 108360);
	await panel.getByLabel('Include the clinic').uncheck();

	await panel.getByLabel('Add a byte-order mark for Excel').check();
	const withBom = await downloaded(page, () => panel.getByRole('button', { name: 'Download data (CSV)' }).click());
	expect(withBom.text.startsWith('\uFEFF' + HEADER)).toBe(true);
});

test('a chart downloads as a standalone SVG with its title', async ({ page }) => {
	await openOverview(page);
	const svg = await downloaded(page, () => page.getByRole('button', { name: `Download ${PAIN} as SVG` }).click());
	expect(svg.name).toMatch(/^pain-0-10-by-technique-\d{4}-\d{2}-\d{2}\.svg$/);
	expect(svg.text.startsWith('<?xml')).toBe(true);
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { error: doc.querySelector('parsererror')?.textContent ?? null, title: doc.querySelector('svg > title')?.textContent, circles: doc.querySelectorAll('circle').length };
	}, svg.text);
	expect(parsed.error).toBeNull();
	expect(parsed.title).toBe(PAIN);
	expect(parsed.circles).toBeGreaterThan(20);

	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${PAIN} as PNG` }).click()]);
	const bytes = await readFile((await png.path())!);
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
