import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const PAIN = 'Pain (0-10) by technique';
const NOT_APPLIED = "The therapist filter is not applied to exports: a file holding one therapist's clients would be that therapist's caseload.";

test("with a therapist picked, the export says it holds every therapist's clients, and the bundle names no therapist", async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('figure', { name: PAIN }).locator('svg[aria-hidden="true"]')).toBeVisible({ timeout: 30_000 });
	await page.getByLabel('Therapist', { exact: true }).selectOption('T01');

	const panel = page.getByRole('region', { name: 'Export the filtered data' });
	await panel.getByText('Show the export options').click();
	await expect(panel.getByText(`${NOT_APPLIED} This export holds every therapist's clients within the other filters.`)).toBeVisible();
	// The same counts as with no therapist picked (tests/unit/export/exportRows.test.ts).
	await expect(panel.getByRole('status')).toContainText('107,077 scores of 1,837 of 1,900 clients will be exported.');

	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download researcher bundle' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^massage-outcomes-researcher-bundle-\d{4}-\d{2}-\d{2}\.zip$/);
	const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
	const text = (name: string) => new TextDecoder().decode(files[name]);
	const readme = text('README.txt');
	expect(readme).not.toMatch(/T\d\d/);
	expect(readme).not.toContain('therapists:');
	expect(readme).toContain(NOT_APPLIED);
	expect(readme).toContain('Recoding chosen: age in 20-year bands, sex as recorded, condition group and no first visit (all)');
	expect(readme).toContain('Kept: 1837 of 1900 clients and 107077 of 110612 rows, in 28 combinations.');
	expect(text('data.csv').trimEnd().split('\r\n')).toHaveLength(1 + 107077);
	expect(text('data.csv').split('\r\n')[0]).not.toContain('therapist');
});
