import type { Connector } from '$lib/db';
import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import { errorMessage } from '$lib/errorMessage';
import { MEASURES, queryFilterOptions, type FilterOption, type Measure } from '$lib/queries';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { loadConditions, type ConditionsModel } from './conditionsAnalysis';

/** The select's value for every condition at once. */
export const ALL_CONDITIONS = '';

/**
 * The conditions page's data: the database's start, the conditions in the data, the chosen condition and outcome,
 * and the model for the latest choice. A slower answer to an older choice never replaces a newer one.
 */
export class ConditionsPage {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last query's failure, cleared when a new one starts. */
	queryFailure = $state<string | null>(null);
	/** Conditions in the data, most sessions first. */
	conditions = $state<FilterOption[] | null>(null);
	/** The chosen condition code, or ALL_CONDITIONS. */
	condition = $state<string>(ALL_CONDITIONS);
	measureKey = $state<Measure['key']>('pain');
	model = $state<ConditionsModel | null>(null);
	updating = $state(false);
	/** The dataset shown, and why the one chosen last time could not be (the demo data then stand in). */
	dataset = $state<DatasetInfo | null>(null);
	fallback = $state<string | null>(null);
	#db = $state<Connector | null>(null);
	#latest = 0;

	measure: Measure = $derived(MEASURES.find((m) => m.key === this.measureKey) ?? MEASURES[0]);

	get ready(): boolean {
		return this.#db !== null;
	}

	/** Starts the database and chooses the condition with the most sessions. */
	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			this.dataset = shown.dataset;
			this.fallback = shown.fallback;
			const conditions = [...(await queryFilterOptions(shown.db)).conditions].sort((a, b) => b.sessions - a.sessions);
			this.conditions = conditions;
			this.condition = conditions[0]?.value ?? ALL_CONDITIONS;
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Computes the page for a choice; call it whenever the condition, the outcome or k changes. */
	async show(condition: string, measure: Measure, k: number): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		this.updating = true;
		this.queryFailure = null;
		try {
			const result = await loadConditions(db, condition === ALL_CONDITIONS ? null : condition, measure, k);
			if (request === this.#latest) this.model = result;
		} catch (error) {
			if (request === this.#latest) this.queryFailure = errorMessage(error);
		} finally {
			if (request === this.#latest) this.updating = false;
		}
	}
}
