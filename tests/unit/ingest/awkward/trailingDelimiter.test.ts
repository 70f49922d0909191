import { expect, test } from 'vitest';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { stageCsv } from '$lib/ingest/stage/stageCsv';

test('a header ending with the delimiter does not make every row unreadable', async () => {
	const db = await openNodeConnector();
	try {
		const text = 'Client,Date,Pain before,\nC1,2026-03-02,5\nC2,2026-03-03,6,\n';
		const staged = await stageCsv(db, new TextEncoder().encode(text), 'visits.csv');
		expect(staged.headers).toEqual(['Client', 'Date', 'Pain before', 'column 4']);
		expect(staged.unreadable).toEqual([]);
		expect(staged.rowsRead).toBe(2);
		expect(await db.query(`SELECT __row, c0, c2, c3 FROM import_raw ORDER BY __row`)).toEqual([
			{ __row: 2, c0: 'C1', c2: '5', c3: null },
			{ __row: 3, c0: 'C2', c2: '6', c3: null }
		]);
	} finally {
		await db.close();
	}
});
