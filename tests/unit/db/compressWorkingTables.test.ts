import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { COMPRESSED_WORKING, compressWorkingTables } from '$lib/db/compressWorkingTables';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { DATA_CATALOG, importWorkingSettings } from '$lib/db/settings';

let db: Connector;
beforeAll(async () => {
	db = await openNodeConnector();
});
afterAll(async () => {
	await db?.close();
});

describe("an import's working tables moved into the compressed catalog", () => {
	it('moves every staged table with its rows, leaves none uncompressed, and works in the compressed catalog from then on', async () => {
		await db.exec(importWorkingSettings(1000));
		await db.exec(`CREATE TABLE import_raw AS SELECT range AS __row, 'c' || range AS c0 FROM range(5000)`);
		await db.exec(`CREATE TEMP TABLE import_skipped (line INTEGER)`);
		const where = async () =>
			db.query<{ db: string; n: number }>(`SELECT database_name AS db, estimated_size::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'import_raw' ORDER BY db`);
		expect((await where()).map((t) => t.db)).toEqual(['memory']);

		expect(await compressWorkingTables(db)).toBe(COMPRESSED_WORKING);

		expect((await where()).map((t) => t.db)).toEqual([DATA_CATALOG]);
		const [{ n, last }] = await db.query<{ n: number; last: string }>(`SELECT count(*)::INTEGER AS n, max_by(c0, __row) AS last FROM import_raw`);
		expect([n, last]).toEqual([5000, 'c4999']);
		const [{ current }] = await db.query<{ current: string }>('SELECT current_database() AS current');
		expect(current).toBe(DATA_CATALOG);
		// A temporary table stays where it is.
		await db.exec('INSERT INTO import_skipped VALUES (3)');
	});
});
