import type { Connector } from './connector';
import { DATA_CATALOG } from './settings';

/**
 * Runs `work` with the compressed dataset catalog as the one tables are created in, then returns to the import's
 * working settings (`working`, from importWorkingSettings): for an import creating or copying the dataset's own tables.
 */
export async function inDatasetCatalog<T>(db: Connector, working: string, work: () => Promise<T>): Promise<T> {
	await db.exec(`USE ${DATA_CATALOG}`);
	try {
		return await work();
	} finally {
		await db.exec(working);
	}
}
