import { expect, test } from './fixtures';
import { DEMO } from './demoFacts';
import { LONG, kpi, openData } from './importSteps';
import { FAMILIES, fuzzCases, hostileUpload } from '../../scripts/fuzz/families';

/** The seed of the subset `npm test` fuzzes in Node (tests/unit/fuzz/importFuzz.test.ts); here the first file of each family goes through the page. */
const SEED = 20250611;

test('one hostile file of every fuzzing family, through the import page: each ends in a clear error or a checked import, and the shown data stay', async ({ page }) => {
	test.setTimeout(8 * 60_000);
	await page.goto('./');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions, { timeout: LONG });
	await openData(page);

	const cases = fuzzCases('subset', SEED);
	const outcomes: string[] = [];
	for (const family of FAMILIES) {
		const fuzzCase = cases.find((c) => c.family === family.name)!;
		const upload = await hostileUpload(fuzzCase, 'subset');
		const label = `${family.name} #${fuzzCase.index} (${upload.note})`;
		await page
			.getByLabel('Import data')
			.setInputFiles(upload.files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
		const stopped = page.getByRole('alert').filter({ hasText: 'The import stopped.' });
		const cancel = page.getByRole('button', { name: 'Cancel import' });
		const drop = page.getByRole('button', { name: /^Drop (this column|these columns)$/ });
		const check = page.getByRole('button', { name: /^Check [\d,]+ rows?$/ });
		// Wait for a settled step, never for "Cancel import" alone: it is on screen while the file is still being
		// read, and a file that fails then ends with the import stopped and no such button.
		await expect(stopped.or(drop).or(check).first(), label).toBeVisible({ timeout: LONG });
		if (await drop.isVisible()) {
			// Identifying columns (free-text notes, say) are dropped, as a person must before mapping.
			await drop.click();
			await expect(stopped.or(check).first(), label).toBeVisible({ timeout: LONG });
		}
		if (await stopped.isVisible()) {
			// A clear error names the file it is about.
			await expect(stopped, label).toContainText(upload.files[0].name.split('/').pop()!);
			outcomes.push(`${label}: refused`);
			continue;
		}
		if (await check.isEnabled()) {
			await check.click();
			const verdict = page.getByRole('heading', { name: /rows? can be imported/ });
			const before = page.getByRole('alert').filter({ hasText: 'Before the rows can be checked' });
			await expect(verdict.or(before).or(stopped).first(), label).toBeVisible({ timeout: LONG });
			if (await stopped.isVisible()) {
				outcomes.push(`${label}: stopped at the check: ${await stopped.textContent()}`);
				continue;
			}
			outcomes.push(`${label}: ${(await verdict.isVisible()) ? await verdict.textContent() : 'fields to map listed'}`);
		} else {
			outcomes.push(`${label}: mapping step`);
		}
		// The import is open to cancel, or it has stopped by itself (a clear error too): each way is handled, and
		// neither waits out the test's budget.
		await expect(cancel.first().or(stopped).first(), label).toBeVisible({ timeout: LONG });
		if (await stopped.isVisible()) {
			outcomes[outcomes.length - 1] += `, then stopped: ${await stopped.textContent()}`;
			continue;
		}
		await cancel.first().click({ timeout: LONG });
		await expect(page.getByLabel('Import data')).toBeVisible();
	}
	console.log(outcomes.join('\n'));
	expect(outcomes).toHaveLength(FAMILIES.length);

	await page.goto('./');
	await expect(kpi(page, 'Sessions')).toHaveText(DEMO.all.sessions, { timeout: LONG });
	const rows = (await openData(page), page.getByRole('table', { name: 'Datasets in this browser' }).locator('tbody tr'));
	await expect(rows).toHaveCount(1);
});
