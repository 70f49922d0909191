import type { DatasetFiles } from '$lib/db/loadDataset';
import { DEMO_DATASET_ID, type DatasetInfo } from './datasetInfo';
import { removeAllKeptFiles, removeKeptFile, removeUnlistedFiles } from './keptFile';

const DB_NAME = 'massage-outcomes';
const VERSION = 1;
const INFO = 'datasets';
const FILES = 'files';
const ACTIVE_KEY = 'massage-outcomes:active-dataset';
/** A kept dataset's only-me choice (the privacy setting) is kept under this prefix and the dataset's id, and goes with it. */
export const ONLY_ME_KEY_PREFIX = 'massage-outcomes:only-me:';
/** A kept dataset's overview preview (overviewPreview.ts) is kept under this prefix and its id, and goes when it changes. */
export const PREVIEW_KEY_PREFIX = 'massage-outcomes:overview-preview:';

const forgetPreview = (id: string) => localStorage.removeItem(PREVIEW_KEY_PREFIX + id);

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('the browser refused to store the data'));
	});
}

function open(): Promise<IDBDatabase> {
	const req = indexedDB.open(DB_NAME, VERSION);
	req.onupgradeneeded = () => {
		req.result.createObjectStore(INFO, { keyPath: 'id' });
		req.result.createObjectStore(FILES);
	};
	return request(req);
}

async function withStores<T>(mode: IDBTransactionMode, work: (info: IDBObjectStore, files: IDBObjectStore) => Promise<T> | T): Promise<T> {
	const db = await open();
	try {
		const tx = db.transaction([INFO, FILES], mode);
		const result = await work(tx.objectStore(INFO), tx.objectStore(FILES));
		await done(tx);
		return result;
	} finally {
		db.close();
	}
}

/**
 * Datasets kept in this browser: what the list shows, in IndexedDB, and their tables, in a database file of the
 * origin's private file system that the entry names (keptFile.ts), or, kept before that or where files cannot be
 * written, in IndexedDB as gzipped Arrow. Data stay on this device; the browser is asked to keep them when storage
 * runs short.
 */
export const datasetStore = {
	async list(): Promise<DatasetInfo[]> {
		const all = await withStores('readonly', (info) => request(info.getAll() as IDBRequest<DatasetInfo[]>));
		// Files no entry names (a tab closed while writing one) are removed on the way.
		void removeUnlistedFiles(new Set(all.flatMap((d) => (d.file ? [d.file] : [])))).catch(() => undefined);
		return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
	},

	async info(id: string): Promise<DatasetInfo | undefined> {
		return withStores('readonly', (info) => request(info.get(id) as IDBRequest<DatasetInfo | undefined>));
	},

	async files(id: string): Promise<DatasetFiles | undefined> {
		return withStores('readonly', (_, files) => request(files.get(id) as IDBRequest<DatasetFiles | undefined>));
	},

	/**
	 * Saves a dataset's files and info in one transaction: both or neither. Works in a worker; asking for persistent
	 * storage is the page's part (see keepDataset).
	 */
	async write(dataset: DatasetInfo, files: DatasetFiles): Promise<void> {
		await withStores('readwrite', (info, store) => {
			info.put(dataset);
			store.put(files, dataset.id);
		});
	},

	/**
	 * Saves a dataset's entry, naming the database file its tables were just written to: from now on the dataset
	 * is that file. Tables it had in IndexedDB go in the same transaction; the file it named before is removed.
	 */
	async writeEntry(dataset: DatasetInfo): Promise<void> {
		const previous = await this.info(dataset.id);
		await withStores('readwrite', (info, files) => {
			info.put(dataset);
			files.delete(dataset.id);
		});
		if (previous?.file && previous.file !== dataset.file) await removeKeptFile(previous.file).catch(() => undefined);
	},

	async delete(id: string): Promise<void> {
		const entry = await this.info(id);
		await withStores('readwrite', (info, files) => {
			info.delete(id);
			files.delete(id);
		});
		// A file another tab still reads is removed with the next list of datasets.
		if (entry?.file) await removeKeptFile(entry.file).catch(() => undefined);
		localStorage.removeItem(ONLY_ME_KEY_PREFIX + id);
		forgetPreview(id);
		if (activeDatasetId() === id) setActiveDatasetId(DEMO_DATASET_ID);
	},

	/** Forgets a dataset's overview preview: its data are about to change. */
	forgetPreview,

	/** Removes every imported dataset and saved choice from this browser. The demo data stay. */
	async deleteAll(): Promise<void> {
		await withStores('readwrite', (info, files) => {
			info.clear();
			files.clear();
		});
		await removeAllKeptFiles().catch(() => undefined);
		localStorage.removeItem(ACTIVE_KEY);
		const kept = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
			(key) => key?.startsWith(ONLY_ME_KEY_PREFIX) || key?.startsWith(PREVIEW_KEY_PREFIX)
		);
		for (const key of kept) localStorage.removeItem(key!);
	}
};

/** The dataset the charts show, remembered across visits. */
export function activeDatasetId(): string {
	return localStorage.getItem(ACTIVE_KEY) ?? DEMO_DATASET_ID;
}

export function setActiveDatasetId(id: string): void {
	if (id === DEMO_DATASET_ID) localStorage.removeItem(ACTIVE_KEY);
	else localStorage.setItem(ACTIVE_KEY, id);
}
