import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The e2e tests' steps for importing a file as a person does, on the "Your data" page. */
export const FIXTURES = 'tests/fixtures/import';
export const LONG = 30_000;

export async function openData(page: Page) {
	await page.goto('./data');
	await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
}

/** Chooses files from tests/fixtures/import. */
export async function chooseFiles(page: Page, ...names: string[]) {
	await page.getByLabel('Import data').setInputFiles(names.map((n) => `${FIXTURES}/${n}`));
}

/** The column table's select for a file header. */
export function holds(page: Page, header: string) {
	return page.getByRole('table', { name: 'Columns in the file and what each holds' }).getByLabel(header, { exact: true });
}

export async function checkRows(page: Page, rowsRead: string, verdict: string) {
	await page.getByRole('button', { name: `Check ${rowsRead} rows` }).click();
	await expect(page.getByRole('heading', { name: verdict })).toBeVisible({ timeout: LONG });
}

export async function importRows(page: Page, accepted: string, verdict: string) {
	await page.getByRole('button', { name: `Import ${accepted} ${accepted === '1' ? 'row' : 'rows'}` }).click();
	await expect(page.getByRole('heading', { name: verdict })).toBeVisible({ timeout: LONG });
}

/** A KPI card's value on the overview. */
export function kpi(page: Page, label: string) {
	return page.getByRole('region', { name: label, exact: true }).locator('.value');
}

/** The clinic export (1,882 rows) imported with its preset as "Front desk, 2024-2026", and kept in this browser. */
export async function importFrontDesk(page: Page) {
	await openData(page);
	await chooseFiles(page, 'clinic-export.csv');
	await expect(page.getByRole('heading', { name: 'clinic-export.csv' })).toBeVisible({ timeout: LONG });
	await page.getByLabel('Import preset…').setInputFiles(`${FIXTURES}/clinic-export.mapping.json`);
	await expect(page.getByLabel('Mapping preset')).toHaveValue('Front desk export');
	await page.getByLabel('Dataset name').fill('Front desk, 2024-2026');
	await checkRows(page, '1,882', '1,882 rows can be imported, 0 rows rejected');
	await importRows(page, '1,882', '1,882 rows imported, 0 rows rejected');
	await expect(page.getByText('Kept in this browser: it will be there next time.')).toBeVisible({ timeout: LONG });
}
