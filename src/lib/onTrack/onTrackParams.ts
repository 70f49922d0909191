import { ON_TRACK_MEASURE_KEYS, type OnTrackMeasureKey } from '$lib/measures';
import type { FilterOptions } from '$lib/queries';
import { choiceParam, type ViewParams } from '$lib/url/viewParams';
import { ACTIVE_WEEKS } from './activeWeeks';

/** What the page's URL holds: the selection, never a client (a link must not name one). */
export interface OnTrackView {
	measure: OnTrackMeasureKey;
	/** Weeks as text, '' for every client. */
	weeks: string;
	/** Condition, therapist and clinic codes, or '' for all. */
	condition: string;
	therapist: string;
	clinic: string;
}

export function onTrackParams(options: () => FilterOptions | null): ViewParams<OnTrackView> {
	const values = (key: 'conditions' | 'therapists' | 'clinics') => () => (options()?.[key] ?? []).map((o) => o.value);
	return {
		measure: choiceParam({ name: 'outcome', label: 'Outcome', values: () => ON_TRACK_MEASURE_KEYS, fallback: 'pain' }),
		weeks: choiceParam({ name: 'seen', label: 'Clients seen', values: () => ACTIVE_WEEKS.map((w) => (w === null ? 'any' : String(w))), fallback: '6' }),
		condition: choiceParam({ name: 'condition', label: 'Condition', values: values('conditions'), fallback: '' }),
		therapist: choiceParam({ name: 'therapist', label: 'Therapist', values: values('therapists'), fallback: '' }),
		clinic: choiceParam({ name: 'clinic', label: 'Clinic', values: values('clinics'), fallback: '' })
	};
}
