import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { Connector } from '$lib/db';
import { queryFilterOptions, type FilterOptions } from '$lib/queries';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { errorMessage } from '$lib/errorMessage';
import type { PhaseText } from './phaseText';

/** How many recent results a page keeps, so going back to a view (back, Clear filters) shows it at once. */
const REMEMBERED_RESULTS = 16;

/** Marked when a result is shown from the page's memory of recent results rather than computed. */
export const RESULT_REMEMBERED_MARK = 'outcomes:result-remembered';

/**
 * An analysis page's data: the shown dataset's database, the values its controls can offer, and the result for the
 * latest choice. A slower answer to an older choice never replaces a newer one. The last few results are kept by
 * their choice: the data cannot change while the page is open (a new import opens the page anew).
 */
export class AnalysisPage<Choice, Result> {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last computation's failure, cleared when a new one starts. */
	failure = $state<string | null>(null);
	options = $state<FilterOptions | null>(null);
	result = $state.raw<Result | null>(null);
	updating = $state(false);
	/** The dataset shown, and why the one chosen last time could not be (the demo data then stand in). */
	dataset = $state<DatasetInfo | null>(null);
	fallback = $state<string | null>(null);
	/** The result shown is a preview (known before the database started), not yet the database's answer. */
	previewing = $state(false);
	// Raw: a connector is not data to track, and its identity matters (rollups are known by their database).
	#db = $state.raw<Connector | null>(null);
	#latest = 0;
	/** The computation under way, settled either way; null when none is. */
	#running: Promise<void> | null = null;
	readonly #remembered = new Map<string, Result>();
	readonly #compute: (db: Connector, choice: Choice) => Promise<Result>;

	/** @param compute the page's analysis, from the database and the page's choice to what it shows */
	constructor(compute: (db: Connector, choice: Choice) => Promise<Result>) {
		this.#compute = compute;
	}

	get ready(): boolean {
		return this.#db !== null;
	}

	/** The shown dataset's database, once started. */
	protected get database(): Connector | null {
		return this.#db;
	}

	/**
	 * Shows a result known before the database has started (e.g. the overview's remembered first view), with the
	 * options and dataset it was computed for: the page then reads as updating until the database answers the
	 * page's choice, which replaces it. Ignored once a result is shown.
	 */
	preview(options: FilterOptions, result: Result, dataset: DatasetInfo): void {
		if (this.result || this.#db) return;
		this.options = options;
		this.dataset = dataset;
		this.result = result;
		this.previewing = true;
		this.updating = true;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			this.dataset = shown.dataset;
			this.fallback = shown.fallback;
			await this.prepare(shown.db);
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
			// A preview is not shown as if it were confirmed: the page says why there are no figures.
			if (this.previewing) {
				this.result = null;
				this.previewing = false;
				this.updating = false;
			}
		}
	}

	/** Reads what the page's controls offer, once the database has started: the filter options, unless replaced. */
	protected async prepare(db: Connector): Promise<void> {
		this.options = await queryFilterOptions(db);
	}

	/** Computes the result for the page's current choice; call it whenever the choice changes. */
	async show(choice: Choice): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		const key = JSON.stringify(choice);
		const known = this.#remembered.get(key);
		this.failure = null;
		if (known) {
			performance.mark(RESULT_REMEMBERED_MARK);
			this.result = known;
			this.previewing = false;
			this.updating = false;
			return;
		}
		this.updating = true;
		// Coalesced: while a computation runs, a newer choice waits for it, and a choice overtaken meanwhile (a
		// quick run of changes) is never computed. The database works on one query at a time anyway.
		while (this.#running) {
			await this.#running;
			if (request !== this.#latest) return;
		}
		const computing = this.#compute(db, choice);
		const running = (this.#running = computing.then(
			() => undefined,
			() => undefined
		));
		try {
			const result = await computing;
			this.#remember(key, result);
			if (request === this.#latest) {
				this.result = result;
				this.previewing = false;
			}
		} catch (error) {
			if (request === this.#latest) this.failure = errorMessage(error);
		} finally {
			if (this.#running === running) this.#running = null;
			if (request === this.#latest) this.updating = false;
		}
	}

	#remember(key: string, result: Result): void {
		this.#remembered.delete(key);
		this.#remembered.set(key, result);
		if (this.#remembered.size > REMEMBERED_RESULTS) this.#remembered.delete(this.#remembered.keys().next().value!);
	}

	/** What the page's live region says: the start's phase, then "Updating…" or what the result shows. */
	announcement(phaseText: PhaseText, describe: (result: Result) => string): string {
		if (this.phase === 'error') return '';
		if (!this.result) return phaseText[this.phase];
		return this.updating ? 'Updating…' : describe(this.result);
	}
}
