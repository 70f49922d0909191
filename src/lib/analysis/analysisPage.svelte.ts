import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { Connector } from '$lib/db';
import { queryFilterOptions, type FilterOptions } from '$lib/queries';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { errorMessage } from '$lib/errorMessage';

/**
 * An analysis page's data: the shown dataset's database, the values its controls can offer, and the result for the
 * latest choice. A slower answer to an older choice never replaces a newer one.
 */
export class AnalysisPage<Options, Result> {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last computation's failure, cleared when a new one starts. */
	failure = $state<string | null>(null);
	options = $state<FilterOptions | null>(null);
	result = $state.raw<Result | null>(null);
	updating = $state(false);
	dataset = $state<DatasetInfo | null>(null);
	#db = $state<Connector | null>(null);
	#latest = 0;
	readonly #compute: (db: Connector, options: Options) => Promise<Result>;

	/** @param compute the page's analysis, from the database and the page's choices to what it shows */
	constructor(compute: (db: Connector, options: Options) => Promise<Result>) {
		this.#compute = compute;
	}

	get ready(): boolean {
		return this.#db !== null;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			this.dataset = shown.dataset;
			this.options = await queryFilterOptions(shown.db);
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Computes the result for the page's current choices; call it whenever they change. */
	async show(options: Options): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		this.updating = true;
		this.failure = null;
		try {
			const result = await this.#compute(db, options);
			if (request === this.#latest) this.result = result;
		} catch (error) {
			if (request === this.#latest) this.failure = errorMessage(error);
		} finally {
			if (request === this.#latest) this.updating = false;
		}
	}
}
