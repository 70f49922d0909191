import { MEASURES, type Measure } from '$lib/queries';
import { choiceParam, type ViewParams } from '$lib/url/viewParams';

/** What the conditions page's URL holds. */
export interface ConditionsView {
	/** A condition code, or '' for all. */
	condition: string;
	measureKey: Measure['key'];
}

export interface ConditionsParamsOptions {
	/** Condition codes in the data. */
	conditions: () => readonly string[];
	/** The page's own first choice: the condition with the most sessions. */
	firstCondition: () => string;
}

export function conditionsParams(options: ConditionsParamsOptions): ViewParams<ConditionsView> {
	return {
		condition: choiceParam({ name: 'condition', label: 'Condition', values: options.conditions, fallback: options.firstCondition, allowAll: true }),
		measureKey: choiceParam({ name: 'outcome', label: 'Outcome', values: () => MEASURES.map((m) => m.key), fallback: 'pain' })
	};
}
