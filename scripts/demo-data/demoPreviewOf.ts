import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_SETTINGS, loadDataset, type DatasetFiles } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { DEFAULT_K } from '$lib/disclosure';
import { loadOverview } from '$lib/overview/overview';
import { choiceKey, firstOverviewChoice } from '$lib/overview/overviewChoice';
import { encodePreview, PREVIEW_VERSION } from '$lib/overview/overviewPreview';
import { queryFilterOptions } from '$lib/queries';
import { DEMO_DATASET } from '$lib/storage/datasetInfo';

/** The demo data's first overview as overviewPreview.ts keeps it, computed from data/*.csv.gz as the page loads them. */
export async function demoPreview(): Promise<string> {
	const read = (name: string) => new Uint8Array(readFileSync(join('data', `${name}.csv.gz`)));
	const files: DatasetFiles = { clients: read('clients'), therapists: read('therapists'), sessions: read('sessions'), measurements: read('measurements') };
	const db = await openNodeConnector();
	try {
		await loadDataset(db, files);
		await db.exec(LOCK_SETTINGS);
		const choice = firstOverviewChoice(DEFAULT_K);
		const overview = await loadOverview(db, choice.filter, choice.timepoint, choice.k, choice.picks);
		const options = await queryFilterOptions(db);
		return encodePreview({ version: PREVIEW_VERSION, choice: choiceKey(choice), dataset: DEMO_DATASET, options, overview });
	} finally {
		await db.close();
	}
}
