import type { DatasetInfo } from './datasetInfo';

/** A dataset being written to this browser's storage after its import: listed, but not yet to be deleted or added to. */
export interface PendingSave {
	dataset: DatasetInfo;
	done: Promise<void>;
}

/**
 * Saves in flight, for every page: an import's save outlives the page that started it, and the dataset list,
 * deleting and appending must wait for it.
 */
class PendingSaves {
	list = $state.raw<PendingSave[]>([]);

	track(dataset: DatasetInfo, done: Promise<void>): void {
		const entry = { dataset, done };
		this.list = [...this.list.filter((p) => p.dataset.id !== dataset.id), entry];
		const settle = () => (this.list = this.list.filter((p) => p !== entry));
		done.then(settle, settle);
	}

	/** Waits until the dataset (or every dataset, without an id) is written or has failed to be. */
	async settled(id?: string): Promise<void> {
		await Promise.allSettled(this.list.filter((p) => id === undefined || p.dataset.id === id).map((p) => p.done));
	}

	has(id: string): boolean {
		return this.list.some((p) => p.dataset.id === id);
	}
}

export const pendingSaves = new PendingSaves();
