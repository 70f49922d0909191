import { MEASURES, shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import type { Connector } from '$lib/db';
import { queryFilterOptions, type FilterOptions, type OutcomeFilter, type Timepoint } from '$lib/queries';
import { loadOverview, type Overview } from './overview';
import { errorMessage } from '$lib/errorMessage';


/**
 * The overview page's data: the database's start, the filter options, and the overview for the latest filter.
 * A slower answer to an older filter never replaces a newer one.
 */
export class OverviewPage {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last query's failure, cleared when a new one starts. */
	queryFailure = $state<string | null>(null);
	options = $state<FilterOptions | null>(null);
	overview = $state<Overview | null>(null);
	updating = $state(false);
	/** The dataset shown, and why the one chosen last time could not be (the demo data then stand in). */
	dataset = $state<DatasetInfo | null>(null);
	fallback = $state<string | null>(null);
	#db = $state<Connector | null>(null);
	#latest = 0;

	get ready(): boolean {
		return this.#db !== null;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			const db = shown.db;
			this.dataset = shown.dataset;
			this.fallback = shown.fallback;
			this.options = await queryFilterOptions(db);
			this.#db = db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Computes the overview for a filter; call it whenever the filter changes. */
	async show(filter: OutcomeFilter, timepoint: Timepoint, k: number): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		this.updating = true;
		this.queryFailure = null;
		const started = performance.now();
		try {
			const result = await loadOverview(db, filter, timepoint, k);
			// Query time per filter change, read by the start-up measurement and the benchmark.
			performance.measure(MEASURES.overviewQueries, { start: started });
			if (request === this.#latest) this.overview = result;
		} catch (error) {
			if (request === this.#latest) this.queryFailure = errorMessage(error);
		} finally {
			if (request === this.#latest) this.updating = false;
		}
	}
}
