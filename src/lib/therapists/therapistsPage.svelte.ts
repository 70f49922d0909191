import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import { DEFAULT_THERAPIST_FILTER, type TherapistFilter, type TherapistMeasureKey } from '$lib/queries/therapistOutcomes';
import { loadTherapistAnalysis, type TherapistAnalysis } from './therapistAnalysis';

/** What the analysis is computed for: the selection and k (the smallest group shown). */
export interface TherapistsChoice {
	filter: TherapistFilter;
	k: number;
}

/** The therapists page: its controls, and the analysis for the latest selection. */
export class TherapistsPage extends AnalysisPage<TherapistsChoice, TherapistAnalysis> {
	measure = $state<TherapistMeasureKey>(DEFAULT_THERAPIST_FILTER.measure);
	/** A condition code, or '' for all. */
	condition = $state('');
	/** A clinic code, or '' for all. */
	clinic = $state('');

	/** What the queries receive. */
	filter: TherapistFilter = $derived({
		measure: this.measure,
		condition: this.condition || null,
		clinic: this.clinic || null
	});

	constructor() {
		super((db, { filter, k }) => loadTherapistAnalysis(db, filter, k));
	}
}
