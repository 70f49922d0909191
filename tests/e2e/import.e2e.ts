import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { FIXTURES, LONG, checkRows, chooseFiles, holds, importRows, kpi, openData } from './importSteps';

mkdirSync('tests/e2e/screenshots', { recursive: true });

test('a wide clinic export with three invalid rows: those rows are reported by row number and the rest imported', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-visits.csv');
	await expect(page.getByRole('heading', { name: 'clinic-visits.csv' })).toBeVisible({ timeout: LONG });
	await expect(page.getByText('18 rows, 13 columns')).toBeVisible();
	await expect(holds(page, 'Client #')).toHaveValue('client_id');
	await expect(holds(page, 'Pain Before (0-10)')).toHaveValue('pain_nrs_pre');
	await expect(page.getByLabel('Reiki')).toHaveValue('');
	await page.getByLabel('Dates are written as').selectOption('DD/MM/YYYY');
	await page.screenshot({ path: 'tests/e2e/screenshots/import-mapping.png', fullPage: true });
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await page.screenshot({ path: 'tests/e2e/screenshots/import-report.png', fullPage: true });
	const rows = page.getByRole('table', { name: /Rejected rows/ }).locator('tbody tr');
	await expect(rows).toHaveCount(3);
	expect(await rows.locator('td:first-child').allTextContents()).toEqual(['8', '10', '12']);
	await expect(rows.nth(0)).toContainText("value 12 is outside Pain (0-10)'s range 0-10");
	await expect(rows.nth(1)).toContainText('Reiki');
	await expect(rows.nth(2)).toContainText('30/02/2026');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download report (CSV)' }).click();
	const report = await (await download).path();
	const { readFileSync } = await import('node:fs');
	const lines = readFileSync(report, 'utf8').trim().split('\r\n');
	expect(lines[0]).toBe('file,row,column,value,reason');
	expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['8', '10', '12']);
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
	await expect(page.getByRole('table', { name: 'Datasets in this browser' })).toContainText('clinic-visits.csv');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
});

test('a clinic export mapped with a preset shows on the dashboard, survives a reload, and "Delete all data" removes it', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-export.csv');
	await expect(page.getByRole('heading', { name: 'clinic-export.csv' })).toBeVisible({ timeout: LONG });
	await page.getByLabel('Import preset…').setInputFiles(`${FIXTURES}/clinic-export.mapping.json`);
	await expect(page.getByText('Preset “Front desk export” imported and applied.')).toBeVisible();
	await expect(page.getByLabel('Mapping preset')).toHaveValue('Front desk export');
	await expect(holds(page, 'Tx')).toHaveValue('primary_technique');
	await expect(page.getByLabel('Dates are written as')).toHaveValue('MM/DD/YYYY');
	await page.getByLabel('Dataset name').fill('Front desk, 2024-2026');
	await checkRows(page, '1,882', '1,882 rows can be imported, 0 rows rejected');
	await importRows(page, '1,882', '1,882 rows imported, 0 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
	await page.getByRole('link', { name: 'See the overview' }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	await expect(page.getByText('Front desk, 2024-2026')).toBeVisible();
	const pain = page.getByRole('figure', { name: 'Pain (0-10) by technique' });
	await expect(pain.locator('svg[aria-hidden="true"] circle').first()).toBeVisible();
	await page.screenshot({ path: 'tests/e2e/screenshots/import-overview.png', fullPage: true });

	await page.reload();
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	await expect(page.getByText('Front desk, 2024-2026')).toBeVisible();
	await expect(pain.locator('svg[aria-hidden="true"] circle').first()).toBeVisible();

	await page.getByRole('link', { name: 'Your data' }).click();
	await expect(page.getByRole('row', { name: /Front desk, 2024-2026/ })).toContainText('1,882');
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Delete all data' }).click();
	await expect(page.getByText('All imported data deleted from this browser. The demo data are shown.')).toBeVisible({ timeout: LONG });
	await expect(page.getByRole('row', { name: /Front desk/ })).toHaveCount(0);
	await page.reload();
	await page.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('15,366', { timeout: LONG });
});

test('a long file (one row per score, semicolons, decimal commas) imports as scores of sessions', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'outcomes-long.csv');
	await expect(page.getByText('2,732 rows, 14 columns')).toBeVisible({ timeout: LONG });
	await expect(page.getByText(/semicolon-separated/)).toBeVisible();
	await expect(page.getByLabel('One row per score (instrument, timepoint and score columns)')).toBeChecked();
	await expect(holds(page, 'score')).toHaveValue('value');
	await checkRows(page, '2,732', '2,732 rows can be imported, 0 rows rejected');
	await expect(page.getByText('380 sessions, 2,732 scores and 50 clients would be imported')).toBeVisible();
	await importRows(page, '2,732', '2,732 rows imported, 0 rows rejected');
});

for (const [file, rows] of [
	['duckdb-snappy.parquet', 'Parquet written by DuckDB'],
	['visits.xlsx', 'an Excel workbook']
] as const) {
	test(`${rows}: the row with a blank condition is rejected, the rest imported`, async ({ page }) => {
		await openData(page);
		await chooseFiles(page, file);
		await expect(page.getByText('16 rows, 12 columns')).toBeVisible({ timeout: LONG });
		await checkRows(page, '16', '15 rows can be imported, 1 row rejected');
		await expect(page.getByRole('table', { name: /Rejected rows/ }).locator('tbody tr')).toContainText(['12condition']);
		await importRows(page, '15', '15 rows imported, 1 row rejected');
	});
}

test('FHIR Bulk Data NDJSON: scores come from Observations and QuestionnaireResponses with the FHIR preset', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'fhir/bulk-export-mixed.ndjson');
	await expect(page.getByText('146 rows, 11 columns')).toBeVisible({ timeout: LONG });
	await expect(page.getByLabel('Mapping preset')).toHaveValue('FHIR');
	await checkRows(page, '146', '146 rows can be imported, 0 rows rejected');
	await expect(page.getByText('30 sessions, 146 scores and 6 clients would be imported')).toBeVisible();
	await importRows(page, '146', '146 rows imported, 0 rows rejected');
});

test('a REDCap records export with its data dictionary: the identifier field must be dropped, then it imports', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'redcap/massage_outcomes_records.csv', 'redcap/massage_outcomes_DataDictionary.csv');
	await expect(page.getByRole('alert').filter({ hasText: 'One column identifies people and cannot be loaded' })).toBeVisible({ timeout: LONG });
	await expect(page.getByRole('row', { name: /chart_no/ })).toContainText('marked as an identifier in the REDCap data dictionary');
	await page.getByRole('button', { name: 'Drop this column' }).click();
	await expect(page.getByLabel('Mapping preset')).toHaveValue('REDCap');
	await checkRows(page, '40', '40 rows can be imported, 0 rows rejected');
	await importRows(page, '40', '40 rows imported, 0 rows rejected');
});

test('a file with an email column is refused until that column is dropped', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'visits-with-email.csv');
	const notice = page.getByRole('alert').filter({ hasText: 'One column identifies people and cannot be loaded' });
	await expect(notice).toBeVisible({ timeout: LONG });
	await expect(notice.getByRole('row', { name: /email/ })).toContainText('email addresses identify a person directly');
	await expect(page.getByRole('button', { name: /^Check/ })).toHaveCount(0);
	await page.screenshot({ path: 'tests/e2e/screenshots/import-identifiers.png', fullPage: true });
	await page.getByRole('button', { name: 'Drop this column' }).click();
	await expect(page.getByText('Dropped, never loaded: email.')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Columns in the file and what each holds' }).getByLabel('email')).toHaveCount(0);
	await checkRows(page, '5', '5 rows can be imported, 0 rows rejected');
});

test('adding the same file again to its dataset reports every session as already there and imports nothing', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-visits.csv');
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
	await chooseFiles(page, 'clinic-visits.csv');
	await page.getByLabel('Add to a dataset in this browser').check();
	await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(/.+/);
	await checkRows(page, '18', '0 rows can be imported, 18 rows rejected');
	await expect(page.getByRole('table', { name: /Rejected rows/ })).toContainText('this session is already in the dataset; it is not imported twice');
	await expect(page.getByRole('button', { name: 'Import 0 rows' })).toBeDisabled();
});

test('a file that cannot be read, or an import cancelled half-way, leaves the shown and kept data as they were', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-visits.csv');
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });

	await page.getByLabel('Import data').setInputFiles({ name: 'visits.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('not a workbook') });
	await expect(page.getByRole('alert')).toContainText('visits.xls: old Excel files (.xls) cannot be read. Save the sheet as .xlsx or CSV and import that.');
	await expect(page.getByRole('alert')).toContainText('Nothing was changed');

	await chooseFiles(page, 'clinic-export.csv');
	await expect(page.getByRole('heading', { name: 'clinic-export.csv' })).toBeVisible({ timeout: LONG });
	await page.getByRole('button', { name: 'Cancel import' }).click();
	await expect(page.getByLabel('Import data')).toBeVisible();

	const rows = page.getByRole('table', { name: 'Datasets in this browser' }).locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText('clinic-visits.csv');
	await expect(rows.first()).toContainText('Shown');
	await page.reload();
	await expect(page.getByRole('table', { name: 'Datasets in this browser' }).locator('tbody tr')).toHaveCount(2);
});

test('switching between the demo data and an imported dataset changes what the overview shows', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'outcomes-long.csv');
	await checkRows(page, '2,732', '2,732 rows can be imported, 0 rows rejected');
	await importRows(page, '2,732', '2,732 rows imported, 0 rows rejected');
	await page.getByRole('button', { name: 'Show Demo data (synthetic)' }).click();
	await expect(page.getByText('Demo data (synthetic) is now shown on the dashboard.')).toBeVisible({ timeout: LONG });
	await page.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('15,366', { timeout: LONG });
	await page.getByRole('link', { name: 'Import your own' }).click();
	await page.getByRole('button', { name: 'Show outcomes-long.csv' }).click();
	await expect(page.getByText('outcomes-long.csv is now shown on the dashboard.')).toBeVisible({ timeout: LONG });
	await page.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(page.getByText('Dataset: outcomes-long.csv')).toBeVisible({ timeout: LONG });
	await expect(kpi(page, 'Sessions')).toHaveText('380');
});

test('files dropped on the page are imported; a dataset can be replaced, and deleted on its own', async ({ page }) => {
	await openData(page);
	const csv = [
		'client_id,visit_date,technique,condition,pain_pre,pain_post',
		'C2001,2026-01-05,swedish,neck_pain,6,3',
		'C2002,2026-01-06,deep_tissue,chronic_low_back_pain,7,5',
		'C2003,2026-01-07,trigger_point,tension_headache,5,3',
		'C2001,2026-01-12,swedish,neck_pain,5,2',
		'C2002,2026-01-13,deep_tissue,chronic_low_back_pain,6,4'
	].join('\n');
	const drop = await page.evaluateHandle((text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
		return transfer;
	}, csv);
	await page.dispatchEvent('main', 'dragover', { dataTransfer: drop });
	await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
	await expect(page.getByRole('heading', { name: 'dropped.csv' })).toBeVisible({ timeout: LONG });
	await checkRows(page, '5', '5 rows can be imported, 0 rows rejected');
	await importRows(page, '5', '5 rows imported, 0 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });

	await chooseFiles(page, 'clinic-visits.csv');
	await page.getByLabel('Replace a dataset in this browser').check();
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
	const datasets = page.getByRole('table', { name: 'Datasets in this browser' }).locator('tbody tr');
	await expect(datasets).toHaveCount(2);
	await expect(datasets.first()).toContainText('dropped.csv');
	await expect(datasets.first()).toContainText('15');

	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Delete dropped.csv' }).click();
	await expect(page.getByText('“dropped.csv” deleted. The demo data are shown.')).toBeVisible({ timeout: LONG });
	await expect(datasets).toHaveCount(1);
	await page.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(kpi(page, 'Sessions')).toHaveText('15,366', { timeout: LONG });
});

test('a workbook with several sheets: the sheet to import can be chosen', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'visits.xlsx');
	await expect(page.getByText('16 rows, 12 columns')).toBeVisible({ timeout: LONG });
	await expect(page.getByLabel('Sheet')).toHaveValue('Visits');
	await page.getByLabel('Sheet').selectOption('Notes');
	await expect(page.getByText('2 rows, 2 columns')).toBeVisible({ timeout: LONG });
	await page.getByLabel('Sheet').selectOption('Visits');
	await expect(page.getByText('16 rows, 12 columns')).toBeVisible({ timeout: LONG });
});

test('client ids can be replaced with pseudonyms, and the key downloaded by the custodian', async ({ page }) => {
	await openData(page);
	await chooseFiles(page, 'clinic-visits.csv');
	await page.getByLabel(/Replace client IDs with pseudonyms/).check();
	await checkRows(page, '18', '15 rows can be imported, 3 rows rejected');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download pseudonym key (CSV)' }).click();
	const { readFileSync } = await import('node:fs');
	const key = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
	expect(key[0]).toBe('original_client_id,pseudonym');
	expect(key.slice(1).map((line) => line.split(',')[0])).toEqual(['C1001', 'C1002', 'C1003', 'C1004', 'C1005', 'C1006', 'C1007', 'C1008']);
	for (const line of key.slice(1)) expect(line.split(',')[1]).toMatch(/^P[A-Za-z0-9_-]{11}$/);
	await importRows(page, '15', '15 rows imported, 3 rows rejected');
});
