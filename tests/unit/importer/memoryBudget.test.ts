import { describe, expect, it } from 'vitest';
import { MEMORY_LIMIT_BYTES, OPEN_SETTINGS } from '$lib/db/settings';
import { checkMemoryBudget, expectedMemory } from '$lib/importer/memoryBudget';
import { openNodeConnector } from '$lib/db/nodeConnector';

const MB = 1024 ** 2;

describe('the import memory budget', () => {
	it('expects about 12 times a CSV file and 60 times a compressed one, as measured', () => {
		// The benchmark's 1,000,000-visit export: 65 MB of CSV, 765 MB in the database.
		expect(expectedMemory({ name: 'visits.csv', size: 65 * MB }) / MB).toBe(780);
		expect(expectedMemory({ name: 'visits.csv.gz', size: 13 * MB }) / MB).toBe(780);
		expect(expectedMemory({ name: 'visits.parquet', size: 10 * MB }) / MB).toBe(600);
	});

	it('lets a million-visit file through and refuses, before reading, one that would not fit', () => {
		expect(() => checkMemoryBudget([{ name: 'visits.csv', size: 65 * MB }])).not.toThrow();
		expect(() => checkMemoryBudget([{ name: 'visits.csv', size: 200 * MB }])).not.toThrow();
		expect(() => checkMemoryBudget([{ name: 'all-years.csv', size: 400 * MB }])).toThrow(
			'all-years.csv: 400 MB is more than this browser can hold: the dataset would need about 4.7 GB of memory, and the database in a browser tab has 3.0 GB. ' +
				'Import a part of it as its own dataset (some years, or one clinic): plain CSV files up to about 205 MB fit (about 3.2 million visit rows). Nothing was read and nothing kept has changed.'
		);
		// Files chosen together count together.
		expect(() => checkMemoryBudget([{ name: 'a.csv.gz', size: 25 * MB }, { name: 'b.csv.gz', size: 25 * MB }])).toThrow(/^a\.csv\.gz, b\.csv\.gz: 50 MB/);
	});

	it('is the limit the database opens with', async () => {
		expect(OPEN_SETTINGS).toContain("SET memory_limit = '3GiB'");
		const db = await openNodeConnector();
		const [row] = await db.query<{ limit: number }>(`SELECT current_setting('memory_limit') AS limit`);
		expect(row.limit).toBe('3.0 GiB');
		expect(MEMORY_LIMIT_BYTES).toBe(3 * 1024 ** 3);
		await db.close();
	});
});
