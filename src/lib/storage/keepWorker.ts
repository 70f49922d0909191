/// <reference lib="webworker" />
// Keeps a dataset off the page's thread: gzips its canonical files and writes them to IndexedDB. On a million
// sessions, compressing and storing on the page held it for seconds.
import { gzipFiles } from '$lib/db/canonicalTables';
import type { DatasetFiles } from '$lib/db/loadDataset';
import { errorMessage } from '$lib/errorMessage';
import type { DatasetInfo } from './datasetInfo';
import { datasetStore } from './datasetStore';

export interface KeepRequest {
	dataset: DatasetInfo;
	/** The canonical tables as Arrow IPC streams, not yet compressed. */
	files: DatasetFiles;
}

export type KeepReply = { ok: true } | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<KeepRequest>) => {
	const { dataset, files } = event.data;
	try {
		await datasetStore.write(dataset, await gzipFiles(files));
		self.postMessage({ ok: true } satisfies KeepReply);
	} catch (error) {
		self.postMessage({ ok: false, message: errorMessage(error) } satisfies KeepReply);
	}
};
