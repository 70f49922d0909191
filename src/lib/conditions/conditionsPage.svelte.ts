import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import type { Connector } from '$lib/db';
import { MEASURES, type FilterOption, type Measure } from '$lib/queries';
import { loadConditions, type ConditionsModel } from './conditionsAnalysis';

/** The select's value for every condition at once. */
export const ALL_CONDITIONS = '';

/** What the page is computed for: a condition code (or ALL_CONDITIONS), an outcome and k (the smallest group shown). */
export interface ConditionsChoice {
	condition: string;
	measure: Measure;
	k: number;
}

/** The conditions page's data: the conditions in the data, the chosen condition and outcome, and the model for them. */
export class ConditionsPage extends AnalysisPage<ConditionsChoice, ConditionsModel> {
	/** The chosen condition code, or ALL_CONDITIONS. */
	condition = $state<string>(ALL_CONDITIONS);
	measureKey = $state<Measure['key']>('pain');

	/** Conditions in the data, most sessions first; null until the database is ready. */
	conditions: FilterOption[] | null = $derived(this.options ? [...this.options.conditions].sort((a, b) => b.sessions - a.sessions) : null);

	measure: Measure = $derived(MEASURES.find((m) => m.key === this.measureKey) ?? MEASURES[0]);

	/** The page's own first choice: the condition with the most sessions. */
	firstCondition: string = $derived(this.conditions?.[0]?.value ?? ALL_CONDITIONS);

	constructor() {
		super((db, { condition, measure, k }) => loadConditions(db, condition === ALL_CONDITIONS ? null : condition, measure, k));
	}

	/** Reads the conditions and chooses the one with the most sessions. */
	protected override async prepare(db: Connector): Promise<void> {
		await super.prepare(db);
		this.condition = this.firstCondition;
	}
}
