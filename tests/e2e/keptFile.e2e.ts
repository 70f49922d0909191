import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LONG, importFrontDesk, kpi, openData } from './importSteps';
import { holdEngine } from './holdEngine';

/** The files in the origin's private file system, with their sizes. */
function privateFiles(page: Page): Promise<Record<string, number>> {
	return page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		const files: Record<string, number> = {};
		for await (const [name, handle] of (root as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) {
			// A file removed meanwhile is not listed.
			const file = await handle.getFile().catch(() => null);
			if (file) files[name] = file.size;
		}
		return files;
	});
}

/** How many datasets keep their tables in IndexedDB (the form used before files, and where files cannot be written). */
function tablesInIndexedDb(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('massage-outcomes');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const count = open.result.transaction('files').objectStore('files').count();
					count.onsuccess = () => {
						resolve(count.result);
						open.result.close();
					};
				};
			})
	);
}

/** A query's first cell, run in the SQL console as a person would. */
async function firstCell(page: Page, sql: string): Promise<string> {
	await page.goto('./sql');
	const editor = page.getByLabel('SQL query');
	await expect(editor).toBeVisible({ timeout: LONG });
	await editor.fill(sql);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const cell = page.getByRole('region', { name: 'Query result' }).locator('tbody td').first();
	await expect(cell).toBeVisible({ timeout: LONG });
	return cell.innerText();
}

test('an imported dataset is kept as one database file, shown from it after a reload (first from its remembered first view), in two tabs at once, and removed with the dataset', async ({ page, context }) => {
	await importFrontDesk(page);
	const files = await privateFiles(page);
	const names = Object.keys(files);
	expect(names, 'one database file, no write-ahead log left').toHaveLength(1);
	expect(names[0]).toMatch(/^dataset-[0-9a-f-]+\.duckdb$/);
	expect(files[names[0]]).toBeGreaterThan(100_000);
	expect(await tablesInIndexedDb(page)).toBe(0);

	// After a reload the tables are read from the file: views of its tables, the derived ones included.
	await page.reload();
	expect(await firstCell(page, `SELECT string_agg(table_name || ':' || table_type, ' ' ORDER BY table_name) FROM information_schema.tables WHERE table_catalog = current_database() AND table_name IN ('sessions', 'session_facts')`)).toBe(
		'session_facts:VIEW sessions:VIEW'
	);
	expect(await firstCell(page, 'SELECT count(*) FROM session_facts')).toBe('1882');
	await page.goto('./');
	await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });

	// The overview's first view, computed now the dataset is kept, is remembered for the next visit, without the key salt.
	const previewKey = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('massage-outcomes:overview-preview:')));
	await expect.poll(previewKey).toHaveLength(1);
	const [key] = await previewKey();
	expect(await page.evaluate((key) => localStorage.getItem(key), key)).not.toContain('keySalt');
	// A remembered figure that no longer holds (changed here by hand) shows first, and the database's replaces it.
	await page.evaluate((key) => localStorage.setItem(key, localStorage.getItem(key)!.replaceAll('"sessions":1882', '"sessions":1881')), key);

	// A second tab reads the same file while the first shows it: reading holds no lock.
	const release = await holdEngine(context);
	const second = await context.newPage();
	await second.goto('./');
	await expect(kpi(second, 'Sessions')).toHaveText('1,881', { timeout: LONG });
	await expect(second.getByText('Dataset: Front desk, 2024-2026')).toBeVisible();
	release();
	await expect(kpi(second, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	// Its background work done: the other tab is idle when the file goes.
	await expect.poll(() => second.evaluate(() => performance.getEntriesByName('outcomes:rollups-built').length), { timeout: LONG }).toBe(1);

	// Deleting the dataset removes its file, though both tabs showed it.
	await openData(page);
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Delete Front desk, 2024-2026' }).click();
	await expect(page.getByText('“Front desk, 2024-2026” deleted. The demo data are shown.')).toBeVisible({ timeout: LONG });
	expect(await privateFiles(page)).toEqual({});
	await second.close();
});

test('a file left by a tab closed while writing it is removed, once old, when the datasets are listed', async ({ page }) => {
	await openData(page);
	await page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		for (const name of ['dataset-left-behind.duckdb', 'dataset-left-behind.duckdb.wal', 'notes.txt']) {
			const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
			await writable.write('partial');
			await writable.close();
		}
	});
	// Listed while new: another tab may be writing it, so it stays.
	await page.reload();
	await expect(page.getByRole('table', { name: 'Datasets in this browser' })).toBeVisible({ timeout: LONG });
	expect(Object.keys(await privateFiles(page)).sort()).toEqual(['dataset-left-behind.duckdb', 'dataset-left-behind.duckdb.wal', 'notes.txt']);
	// Eleven minutes later it is removed; a file that is not a dataset's stays.
	await page.clock.install({ time: Date.now() + 11 * 60 * 1000 });
	await page.reload();
	await expect(page.getByRole('table', { name: 'Datasets in this browser' })).toBeVisible({ timeout: LONG });
	await expect.poll(async () => Object.keys(await privateFiles(page)), { timeout: LONG }).toEqual(['notes.txt']);
});

test.describe('in a browser that cannot write files to its private file system', () => {
	test.beforeEach(async ({ context }) => {
		await context.addInitScript(() => {
			// As in browsers or modes without the origin's private file system.
			Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined });
		});
	});

	test('a dataset is kept in IndexedDB instead, and is the same after a reload', async ({ page }) => {
		await importFrontDesk(page);
		expect(await tablesInIndexedDb(page)).toBe(1);
		await page.reload();
		expect(await firstCell(page, `SELECT table_type FROM information_schema.tables WHERE table_catalog = current_database() AND table_name = 'sessions'`)).toBe('BASE TABLE');
		expect(await firstCell(page, 'SELECT count(*) FROM session_facts')).toBe('1882');
		await page.goto('./');
		await expect(kpi(page, 'Sessions')).toHaveText('1,882', { timeout: LONG });
	});
});
