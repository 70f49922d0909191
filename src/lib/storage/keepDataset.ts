import type { DatasetFiles } from '$lib/db/loadDataset';
import type { DatasetInfo } from './datasetInfo';
import type { KeepReply, KeepRequest } from './keepWorker';

/**
 * Keeps a dataset in this browser: its files (Arrow IPC, uncompressed) are handed to a worker that gzips and stores
 * them, so the page stays responsive. The files' buffers are handed over, not copied: do not use them afterwards.
 */
export async function keepDataset(dataset: DatasetInfo, files: DatasetFiles): Promise<void> {
	await navigator.storage?.persist?.().catch(() => false);
	const worker = new Worker(new URL('./keepWorker.ts', import.meta.url), { type: 'module' });
	try {
		const reply = await new Promise<KeepReply>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<KeepReply>) => resolve(event.data);
			worker.onerror = (event) => reject(new Error(event.message || 'the storage worker failed'));
			const buffers = [...new Set(Object.values(files).map((bytes: Uint8Array) => bytes.buffer))];
			worker.postMessage({ dataset, files } satisfies KeepRequest, buffers as ArrayBuffer[]);
		});
		if (!reply.ok) throw new Error(reply.message);
	} finally {
		worker.terminate();
	}
}
