import { effectivePicks, type ChartPicks } from '$lib/overview/crossFilter';
import type { OverviewView } from '$lib/overview/overviewParams';
import type { OutcomeFilter, Timepoint } from '$lib/queries';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The overview's filter bar and chart picks; `value` and `picks` are what the queries receive. */
export class OverviewFilters {
	from = $state<string | null>(null);
	to = $state<string | null>(null);
	techniques = $state<string[]>([]);
	condition = $state<string>('');
	therapist = $state<string>('');
	clinic = $state<string>('');
	timepoint = $state<Timepoint>('pre');
	pickedTechnique = $state<string | null>(null);
	pickedCondition = $state<string | null>(null);

	/** The months as a valid range: a malformed month is no bound, and a reversed range is put in order. */
	#range = $derived.by(() => {
		const valid = (m: string | null) => (m && MONTH.test(m) ? m : null);
		const [from, to] = [valid(this.from), valid(this.to)];
		return from && to && from > to ? { from: to, to: from } : { from, to };
	});

	value: OutcomeFilter = $derived({
		from: this.#range.from,
		to: this.#range.to,
		techniques: [...this.techniques],
		conditions: this.condition ? [this.condition] : [],
		therapists: this.therapist ? [this.therapist] : [],
		clinics: this.clinic ? [this.clinic] : []
	});

	/** The chart picks the filter bar still allows. */
	picks: ChartPicks = $derived(effectivePicks(this.value, { technique: this.pickedTechnique, condition: this.pickedCondition }));

	active: boolean = $derived(
		Boolean(this.from || this.to || this.techniques.length || this.condition || this.therapist || this.clinic || this.picked)
	);

	get picked(): boolean {
		return this.picks.technique !== null || this.picks.condition !== null;
	}

	/** Everything the URL keeps. */
	get view(): OverviewView {
		return {
			condition: this.condition,
			techniques: [...this.techniques],
			therapist: this.therapist,
			clinic: this.clinic,
			from: this.from,
			to: this.to,
			timepoint: this.timepoint,
			pickedTechnique: this.picks.technique,
			pickedCondition: this.picks.condition
		};
	}

	/** Restores a view read from the URL. */
	apply(view: OverviewView): void {
		this.condition = view.condition;
		if (view.techniques.join() !== this.techniques.join()) this.techniques = [...view.techniques];
		this.therapist = view.therapist;
		this.clinic = view.clinic;
		this.from = view.from;
		this.to = view.to;
		this.timepoint = view.timepoint;
		this.pickedTechnique = view.pickedTechnique;
		this.pickedCondition = view.pickedCondition;
	}

	/** Picks a technique in a chart, or unpicks it when it is the one picked. */
	pickTechnique(code: string): void {
		this.pickedTechnique = this.picks.technique === code ? null : code;
	}

	pickCondition(code: string): void {
		this.pickedCondition = this.picks.condition === code ? null : code;
	}

	clearPicks(): void {
		this.pickedTechnique = null;
		this.pickedCondition = null;
	}

	clear(): void {
		this.from = null;
		this.to = null;
		this.techniques = [];
		this.condition = '';
		this.therapist = '';
		this.clinic = '';
		this.clearPicks();
	}
}
