import type { FilterOptions } from '$lib/queries';
import { DEFAULT_THERAPIST_FILTER, THERAPIST_MEASURE_KEYS, type TherapistMeasureKey } from '$lib/queries/therapistOutcomes';
import { choiceParam, type ViewParams } from '$lib/url/viewParams';

/** What the therapists page's URL holds. */
export interface TherapistsView {
	measure: TherapistMeasureKey;
	/** A condition code, or '' for all. */
	condition: string;
	/** A clinic code, or '' for all. */
	clinic: string;
}

export function therapistParams(options: () => FilterOptions | null): ViewParams<TherapistsView> {
	const values = (key: 'conditions' | 'clinics') => () => (options()?.[key] ?? []).map((o) => o.value);
	return {
		measure: choiceParam({ name: 'outcome', label: 'Outcome', values: () => THERAPIST_MEASURE_KEYS, fallback: DEFAULT_THERAPIST_FILTER.measure }),
		condition: choiceParam({ name: 'condition', label: 'Condition', values: values('conditions'), fallback: '' }),
		clinic: choiceParam({ name: 'clinic', label: 'Clinic', values: values('clinics'), fallback: '' })
	};
}
