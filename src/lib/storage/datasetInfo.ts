/** A dataset kept in this browser, as the dataset list shows it. */
export interface DatasetInfo {
	id: string;
	name: string;
	/** Files it was imported from, in order. */
	sources: string[];
	/** ISO timestamps. */
	importedAt: string;
	updatedAt: string;
	sessions: number;
	measurements: number;
	clients: number;
	/** Secret salt for made-up session keys (see checkImport); never shown or exported. */
	keySalt: string;
	/**
	 * Its database file in the origin's private file system (keptFile.ts). A dataset kept before files were used,
	 * or in a browser without them, has none: its tables are in IndexedDB as gzipped Arrow.
	 */
	file?: string;
	/** The version of the session facts and client courses stored in that file (DERIVED_TABLES_VERSION). */
	derivedVersion?: number;
}

/** The bundled demo dataset's id: always there, never stored, never deleted. */
export const DEMO_DATASET_ID = 'demo';

export const DEMO_DATASET: DatasetInfo = {
	id: DEMO_DATASET_ID,
	name: 'Demo data (synthetic)',
	sources: ['data/*.csv.gz'],
	importedAt: '',
	updatedAt: '',
	sessions: 15366,
	measurements: 110612,
	clients: 1900,
	keySalt: ''
};
