import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { Connector } from '$lib/db';
import { errorMessage } from '$lib/errorMessage';
import type { CourseEnd } from '$lib/queries/courseRows';
import { queryRomSelections, type RomSelection } from '$lib/queries/romOutcomes';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { loadRomResults, type RomChoice, type RomResults } from './romAnalysis';

/**
 * The ROM page's data and choices: the database's start, the conditions and course techniques with ROM data, and
 * the results for the latest choice. A slower answer to an older choice never replaces a newer one.
 */
export class RomPage {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	/** The last query's failure, cleared when a new one starts. */
	queryFailure = $state<string | null>(null);
	/** Condition and course-technique pairs with ROM measurements; null until the database is ready. */
	selections = $state<RomSelection[] | null>(null);
	results = $state<RomResults | null>(null);
	updating = $state(false);
	/** The dataset shown, and why the one chosen last time could not be (the demo data then stand in). */
	dataset = $state<DatasetInfo | null>(null);
	fallback = $state<string | null>(null);

	/** Condition code, '' for all. */
	#condition = $state('');
	/** Course technique, '' for all. */
	technique = $state('');
	end = $state<CourseEnd>('last_pre');

	#db = $state<Connector | null>(null);
	#latest = 0;

	/** Conditions that have ROM measurements, in code order (the page sorts by label). */
	conditions: string[] = $derived([...new Set((this.selections ?? []).map((s) => s.condition))]);

	/** Course techniques with ROM measurements under the chosen condition (or any). */
	techniques: string[] = $derived(
		[...new Set((this.selections ?? []).filter((s) => !this.#condition || s.condition === this.#condition).map((s) => s.technique))].sort()
	);

	choice: RomChoice = $derived({ condition: this.#condition || null, technique: this.technique || null, end: this.end });

	get condition(): string {
		return this.#condition;
	}

	/** Choosing a condition keeps the technique only if that condition has courses started with it. */
	set condition(value: string) {
		this.#condition = value;
		if (this.technique && !this.techniques.includes(this.technique)) this.technique = '';
	}

	get ready(): boolean {
		return this.#db !== null;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			this.dataset = shown.dataset;
			this.fallback = shown.fallback;
			this.selections = await queryRomSelections(shown.db);
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Computes the results for a choice and k (the smallest group shown); call it whenever either changes. */
	async show(choice: RomChoice, k: number): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const request = ++this.#latest;
		this.updating = true;
		this.queryFailure = null;
		try {
			const results = await loadRomResults(db, choice, k);
			if (request === this.#latest) this.results = results;
		} catch (error) {
			if (request === this.#latest) this.queryFailure = errorMessage(error);
		} finally {
			if (request === this.#latest) this.updating = false;
		}
	}
}
