import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { Connector } from '$lib/db';
import { errorMessage } from '$lib/errorMessage';
import { queryFilterOptions, type FilterOption } from '$lib/queries';
import { DEFAULT_THERAPIST_FILTER, type TherapistFilter, type TherapistMeasureKey } from '$lib/queries/therapistOutcomes';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { loadTherapistAnalysis, type TherapistAnalysis } from './therapistAnalysis';

/**
 * The therapists page: its controls, the database's start, and the analysis for the latest selection.
 * A slower answer to an older selection never replaces a newer one.
 */
export class TherapistsPage {
	measure = $state<TherapistMeasureKey>(DEFAULT_THERAPIST_FILTER.measure);
	/** A condition code, or '' for all. */
	condition = $state('');
	/** A clinic code, or '' for all. */
	clinic = $state('');

	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last query's failure, cleared when a new one starts. */
	queryFailure = $state<string | null>(null);
	conditions = $state<FilterOption[]>([]);
	clinics = $state<FilterOption[]>([]);
	analysis = $state<TherapistAnalysis | null>(null);
	updating = $state(false);
	dataset = $state<DatasetInfo | null>(null);
	#db = $state<Connector | null>(null);
	#latest = 0;

	/** What the queries receive. */
	filter: TherapistFilter = $derived({
		measure: this.measure,
		condition: this.condition || null,
		clinic: this.clinic || null
	});

	get ready(): boolean {
		return this.#db !== null;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			this.dataset = shown.dataset;
			const options = await queryFilterOptions(shown.db);
			this.conditions = options.conditions;
			this.clinics = options.clinics;
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Computes the analysis for a selection and k; call it whenever either changes. */
	async show(filter: TherapistFilter, k: number): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		this.updating = true;
		this.queryFailure = null;
		try {
			const result = await loadTherapistAnalysis(db, filter, k);
			if (request === this.#latest) this.analysis = result;
		} catch (error) {
			if (request === this.#latest) this.queryFailure = errorMessage(error);
		} finally {
			if (request === this.#latest) this.updating = false;
		}
	}
}
