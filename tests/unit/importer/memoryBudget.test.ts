import { describe, expect, it } from 'vitest';
import { MEMORY_LIMIT_BYTES, OPEN_SETTINGS } from '$lib/db/settings';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { checkDatasetMemory, checkFileSize, expectedMemory, largestDataset, MAX_FILE_BYTES } from '$lib/importer/memoryBudget';

const MB = 1024 ** 2;

describe('what fits in the browser', () => {
	it('reads files up to 1 GB and refuses a larger one before reading it', () => {
		expect(() => checkFileSize([{ name: 'visits.csv', size: MAX_FILE_BYTES }])).not.toThrow();
		expect(() => checkFileSize([{ name: 'all-years.csv', size: 1500 * MB }])).toThrow(
			'all-years.csv: 1,500 MB is more than this browser can read at once (up to 1,024 MB; its database has 3.0 GB of memory). ' +
				'Export the data in parts (some years, or some clinics, each) and import them one after another, adding each to the same dataset. Nothing was read and nothing kept has changed.'
		);
		// Files chosen together count together.
		expect(() => checkFileSize([{ name: 'a.ndjson', size: 600 * MB }, { name: 'b.ndjson', size: 600 * MB }])).toThrow(/^a\.ndjson, b\.ndjson: 1,200 MB/);
	});

	it('expects the memory measured with the scale model: 34 bytes a session or score, within 90% of the limit', () => {
		expect(Math.round(expectedMemory({ sessions: 1_000_000, measurements: 6_000_000 }) / MB)).toBe(227);
		expect(largestDataset()).toBe(12_181_104);
	});

	it('lets a million sessions through and refuses, after the check, a dataset that would not fit', () => {
		expect(() => checkDatasetMemory('visits.csv', { sessions: 1_000_000, measurements: 6_000_000 }, null)).not.toThrow();
		// Ten million sessions of the benchmark's kind (7.2 scores each), as its last part is added.
		expect(() => checkDatasetMemory('part4.csv', { sessions: 2_500_000, measurements: 18_051_098 }, { sessions: 7_500_000, measurements: 54_153_293 })).not.toThrow();
		expect(() => checkDatasetMemory('visits.csv', { sessions: 14_000_000, measurements: 84_000_000 }, null)).toThrow(
			'visits.csv: the dataset would hold 14,000,000 sessions and 84,000,000 scores, which needs about 3.1 GB of memory; the database in a browser tab has 3.0 GB. ' +
				'About 12.2 million sessions with six scores each fit. Import a part of the data (some years, or one clinic) as its own dataset. Nothing was imported and nothing kept has changed.'
		);
		// Added to a dataset, the rows it has count too.
		const existing = { sessions: 10_000_000, measurements: 60_000_000 };
		expect(() => checkDatasetMemory('2026.csv', { sessions: 2_500_000, measurements: 15_000_000 }, existing)).toThrow(
			/^2026\.csv: the dataset would hold 12,500,000 sessions and 75,000,000 scores with the rows it already has/
		);
	});

	it('is the limit the database opens with', async () => {
		expect(OPEN_SETTINGS).toContain("SET memory_limit = '3GiB'");
		const db = await openNodeConnector();
		const [row] = await db.query<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`);
		expect(row.limit).toBe('3.0 GiB');
		expect(MEMORY_LIMIT_BYTES).toBe(3 * 1024 ** 3);
		await db.close();
	});
});
