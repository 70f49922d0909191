import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { copyTable } from '$lib/db/copyTable';
import { openNodeConnector } from '$lib/db/nodeConnector';

let db: Connector;
beforeAll(async () => {
	db = await openNodeConnector();
	await db.exec(`ATTACH ':memory:' AS stored; CREATE TABLE stored.main.scores AS SELECT range AS id, 'v' || (range * 7 % 1000) AS value FROM range(10007)`);
});
afterAll(async () => {
	await db?.close();
});

describe('a stored table copied a chunk at a time', () => {
	for (const chunk of [1000, 10007, 50_000]) {
		it(`copies every row once, in order (chunks of ${chunk})`, async () => {
			await copyTable(db, 'stored.main.scores', 'scores', chunk);
			const copied = await db.query<{ id: number; value: string }>('SELECT id::INTEGER AS id, value FROM scores');
			expect(copied.length).toBe(10007);
			expect(copied.every((r, i) => r.id === i && r.value === `v${(i * 7) % 1000}`)).toBe(true);
		});
	}

	it('replaces what the table held', async () => {
		await db.exec(`CREATE OR REPLACE TABLE scores AS SELECT 1 AS id, 'old' AS value`);
		await copyTable(db, 'stored.main.scores', 'scores', 3000);
		const [{ n, old }] = await db.query<{ n: number; old: number }>(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE value = 'old')::INTEGER AS old FROM scores`);
		expect([n, old]).toEqual([10007, 0]);
	});
});
