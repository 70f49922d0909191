import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import type { Connector } from '$lib/db';
import type { CourseEnd } from '$lib/measures';
import { queryRomSelections, type RomSelection } from '$lib/queries/romOutcomes';
import { loadRomResults, type RomChoice, type RomResults } from './romAnalysis';
import type { RomView } from './romParams';

/** What the results are computed for: the courses chosen and k (the smallest group shown). */
export interface RomRequest {
	choice: RomChoice;
	k: number;
}

/**
 * The ROM page's data and choices: the conditions and course techniques with ROM data, and the results for the
 * latest choice.
 */
export class RomPage extends AnalysisPage<RomRequest, RomResults> {
	/** Condition and course-technique pairs with ROM measurements; null until the database is ready. */
	selections = $state<RomSelection[] | null>(null);

	/** Condition code, '' for all. */
	#condition = $state('');
	/** Course technique, '' for all. */
	technique = $state('');
	end = $state<CourseEnd>('last_pre');

	/** Course techniques with ROM measurements under any condition. */
	allTechniques: string[] = $derived([...new Set((this.selections ?? []).map((s) => s.technique))].sort());

	/** Conditions that have ROM measurements, in code order (the page sorts by label). */
	conditions: string[] = $derived([...new Set((this.selections ?? []).map((s) => s.condition))]);

	/** Course techniques with ROM measurements under the chosen condition (or any). */
	techniques: string[] = $derived(
		[...new Set((this.selections ?? []).filter((s) => !this.#condition || s.condition === this.#condition).map((s) => s.technique))].sort()
	);

	choice: RomChoice = $derived({ condition: this.#condition || null, technique: this.technique || null, end: this.end });

	constructor() {
		super((db, { choice, k }) => loadRomResults(db, choice, k));
	}

	get condition(): string {
		return this.#condition;
	}

	/** Choosing a condition keeps the technique only if that condition has courses started with it. */
	set condition(value: string) {
		this.#condition = value;
		if (this.technique && !this.techniques.includes(this.technique)) this.technique = '';
	}

	/** Puts a view read from the URL into the choices; a technique the condition has no courses with is dropped. */
	apply(view: RomView): void {
		this.condition = view.condition;
		this.technique = this.techniques.includes(view.technique) ? view.technique : '';
		this.end = view.end;
	}

	/** The page's choices come from the ROM measurements, not the filter options. */
	protected override async prepare(db: Connector): Promise<void> {
		this.selections = await queryRomSelections(db);
	}
}
