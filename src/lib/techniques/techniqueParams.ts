import type { FilterOptions } from '$lib/queries';
import { COURSE_END_LABELS, type CourseEnd } from '$lib/measures';
import { ADJUSTMENT_LABELS, type Adjustment } from '$lib/stats/multiplicity';
import { choiceParam, type ViewParams } from '$lib/url/viewParams';

/** The condition compared first, when the dataset has it. */
export const DEFAULT_TECHNIQUE_CONDITION = 'chronic_low_back_pain';

/** Outcomes compared on the techniques page (range of motion has a page of its own). */
export const TECHNIQUE_OUTCOMES = ['pain', 'stress', 'sleep'] as const;
export type TechniqueOutcome = (typeof TECHNIQUE_OUTCOMES)[number];

/** What the techniques page's URL holds. */
export interface TechniqueView {
	/** A condition code, or '' for all conditions (adjusted for condition). */
	condition: string;
	outcome: TechniqueOutcome;
	end: CourseEnd;
	/** The reference technique, or '' for the page's default. */
	reference: string;
	adjustment: Adjustment;
}

/** The techniques page's URL parameters, checked against the shown dataset. */
export function techniqueParams(options: () => FilterOptions | null): ViewParams<TechniqueView> {
	const conditions = () => (options()?.conditions ?? []).map((c) => c.value);
	return {
		condition: choiceParam({
			name: 'condition',
			label: 'Condition',
			values: conditions,
			fallback: () => (conditions().includes(DEFAULT_TECHNIQUE_CONDITION) ? DEFAULT_TECHNIQUE_CONDITION : ''),
			allowAll: true
		}),
		outcome: choiceParam({ name: 'outcome', label: 'Outcome', values: () => TECHNIQUE_OUTCOMES, fallback: 'pain' }),
		end: choiceParam({ name: 'course', label: 'Course change', values: () => Object.keys(COURSE_END_LABELS) as CourseEnd[], fallback: 'last_pre' }),
		reference: choiceParam({ name: 'reference', label: 'Reference technique', values: () => (options()?.techniques ?? []).map((t) => t.value), fallback: '' }),
		adjustment: choiceParam({ name: 'adjust', label: 'Many comparisons', values: () => Object.keys(ADJUSTMENT_LABELS) as Adjustment[], fallback: 'holm' })
	};
}
