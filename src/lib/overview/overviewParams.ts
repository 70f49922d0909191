import type { FilterOptions, Timepoint } from '$lib/queries';
import { TIMEPOINT_LABELS } from '$lib/queries';
import { choiceParam, listParam, monthParam, optionalChoiceParam, type ViewParams } from '$lib/url/viewParams';

/** Everything the overview's URL holds: the filter bar, the charts' timepoint and the groups picked in charts. */
export interface OverviewView {
	condition: string;
	techniques: string[];
	therapist: string;
	clinic: string;
	from: string | null;
	to: string | null;
	timepoint: Timepoint;
	/** The technique picked by clicking a trend chart or its legend, or null. */
	pickedTechnique: string | null;
	/** The condition picked by clicking the conditions chart, or null. */
	pickedCondition: string | null;
}

/** The overview's URL parameters, checked against the values the shown dataset offers. */
export function overviewParams(options: () => FilterOptions | null): ViewParams<OverviewView> {
	const values = (key: 'techniques' | 'conditions' | 'therapists' | 'clinics') => () => (options()?.[key] ?? []).map((o) => o.value);
	return {
		condition: choiceParam({ name: 'condition', label: 'Condition', values: values('conditions'), fallback: '' }),
		techniques: listParam({ name: 'technique', label: 'Technique', values: values('techniques') }),
		therapist: choiceParam({ name: 'therapist', label: 'Therapist', values: values('therapists'), fallback: '' }),
		clinic: choiceParam({ name: 'clinic', label: 'Clinic', values: values('clinics'), fallback: '' }),
		from: monthParam({ name: 'from', label: 'From month' }),
		to: monthParam({ name: 'to', label: 'To month' }),
		timepoint: choiceParam({ name: 'show', label: 'Charts show', values: () => Object.keys(TIMEPOINT_LABELS) as Timepoint[], fallback: 'pre' }),
		pickedTechnique: optionalChoiceParam({ name: 'pick-technique', label: 'Technique picked in a chart', values: values('techniques') }),
		pickedCondition: optionalChoiceParam({ name: 'pick-condition', label: 'Condition picked in a chart', values: values('conditions') })
	};
}
