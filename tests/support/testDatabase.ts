import { LOCK_SETTINGS, loadDataset, type Connector, type DatasetFiles } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';

/** A Node DuckDB holding these files, locked as the page locks its own once the data are loaded. */
export async function openDatasetDatabase(files: DatasetFiles): Promise<Connector> {
	const db = await openNodeConnector();
	await loadDataset(db, files);
	await db.exec(LOCK_SETTINGS);
	return db;
}
