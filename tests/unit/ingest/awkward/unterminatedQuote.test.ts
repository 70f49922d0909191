import { expect, test } from 'vitest';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { stageCsv } from '$lib/ingest/stage/stageCsv';

test('an unclosed quote is reported on its row, with the lines it swallowed counted and the way out', async () => {
	const db = await openNodeConnector();
	try {
		const text = 'a,b,c\n1,2,3\n4,"5,6\n7,8,9\n10,11,12\n';
		const staged = await stageCsv(db, new TextEncoder().encode(text), 'visits.csv');
		expect(staged.headers).toEqual(['a', 'b', 'c']);
		expect(staged.rowsRead).toBe(2);
		expect(staged.unreadable).toEqual([
			{
				row: 3,
				text: '4,"5,6',
				reason: 'a quote (") opened in this row is never closed, so the 2 lines after it could not be read either; close or remove the quote and import the file again'
			}
		]);
	} finally {
		await db.close();
	}
});

test('a header with quoted, repeated and blank names is read as written, made unique', async () => {
	const db = await openNodeConnector();
	try {
		const text = '"Pain, before",Pain,,Pain\n4,5,6,7\n';
		const staged = await stageCsv(db, new TextEncoder().encode(text), 'visits.csv');
		expect(staged.headers).toEqual(['Pain, before', 'Pain', 'column 3', 'Pain_2']);
		expect(staged.rowsRead).toBe(1);
	} finally {
		await db.close();
	}
});
