import { expect, test } from 'vitest';
import { DEMO_DATASET } from '$lib/storage/datasetInfo';
import { openDemoDatabase } from '../support/demoDataset';

test('the dataset list states the demo data as they are', async () => {
	const db = await openDemoDatabase();
	try {
		const [counts] = await db.query(
			`SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM measurements) AS measurements, (SELECT count(*) FROM clients) AS clients`
		);
		expect(counts).toEqual({ sessions: DEMO_DATASET.sessions, measurements: DEMO_DATASET.measurements, clients: DEMO_DATASET.clients });
	} finally {
		await db.close();
	}
});
