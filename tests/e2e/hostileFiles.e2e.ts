import { expect, test } from './fixtures';
import { LONG, openData } from './importSteps';
import { settleImport } from './importState';
import { FAMILIES, fuzzCases, hostileUpload } from '../../scripts/fuzz/families';

/** The seed of the subset `npm test` fuzzes in Node (tests/unit/fuzz/importFuzz.test.ts); here the first file of each family goes through the page. */
const SEED = 20250611;
const cases = fuzzCases('subset', SEED);

// Each file is a test of its own, on a fresh page: they can run side by side.
test.describe.configure({ mode: 'parallel' });

for (const family of FAMILIES) {
	test(`a hostile file (${family.name}), through the import page: it ends in a clear error or a checked import, and the shown data stay`, async ({ page }) => {
		test.setTimeout(2 * 60_000);
		const fuzzCase = cases.find((c) => c.family === family.name)!;
		const upload = await hostileUpload(fuzzCase, 'subset');
		const label = `${family.name} #${fuzzCase.index} (${upload.note})`;
		await openData(page);
		const datasets = page.getByRole('table', { name: 'Datasets in this browser' }).locator('tbody tr');
		await expect(datasets).toHaveCount(1, { timeout: LONG });

		await page
			.getByLabel('Import data')
			.setInputFiles(upload.files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
		const stopped = page.getByRole('alert').filter({ hasText: 'The import stopped.' });
		let state = await settleImport(page, `${label}, reading`, ['stopped', 'identifying', 'mapping']);
		if (state === 'identifying') {
			// Identifying columns (free-text notes, say) are dropped, as a person must before mapping.
			await page.getByRole('button', { name: /^Drop (this column|these columns)$/ }).click();
			state = await settleImport(page, `${label}, after dropping identifying columns`, ['stopped', 'mapping']);
		}
		if (state === 'mapping') {
			await page.getByRole('button', { name: /^Check [\d,]+ rows?$/ }).click();
			state = await settleImport(page, `${label}, checking`, ['stopped', 'verdict', 'mapping-problems']);
		}
		if (state === 'stopped') {
			// A clear error names the file it is about, and says nothing changed.
			await expect(stopped, label).toContainText(upload.files[0].name.split('/').pop()!);
			await expect(stopped, label).toContainText('Nothing was changed');
		} else {
			// A checked import (or fields left to map) is cancelled, and the page is back to its file picker.
			console.log(`${label}: ${state === 'verdict' ? await page.getByRole('heading', { name: /rows? can be imported/ }).textContent() : 'fields to map listed'}`);
			await page.getByRole('button', { name: 'Cancel import' }).first().click();
			await settleImport(page, `${label}, cancelling`, ['choose'], { passing: ['working', 'unknown'] });
		}
		// The data shown before are still the only dataset, and still shown.
		await expect(datasets, label).toHaveCount(1);
		await expect(datasets.first(), label).toContainText('Shown');
	});
}
