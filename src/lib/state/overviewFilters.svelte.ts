import type { OutcomeFilter, Timepoint } from '$lib/queries';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The overview's filter bar state; `value` is what the queries receive. */
export class OverviewFilters {
	from = $state<string | null>(null);
	to = $state<string | null>(null);
	techniques = $state<string[]>([]);
	condition = $state<string>('');
	therapist = $state<string>('');
	clinic = $state<string>('');
	timepoint = $state<Timepoint>('pre');

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

	active: boolean = $derived(
		Boolean(this.from || this.to || this.techniques.length || this.condition || this.therapist || this.clinic)
	);

	clear(): void {
		this.from = null;
		this.to = null;
		this.techniques = [];
		this.condition = '';
		this.therapist = '';
		this.clinic = '';
	}
}
