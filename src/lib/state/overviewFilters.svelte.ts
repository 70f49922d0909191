import type { OutcomeFilter, Timepoint } from '$lib/queries';

/** The overview's filter bar state; `value` is what the queries receive. */
export class OverviewFilters {
	from = $state<string | null>(null);
	to = $state<string | null>(null);
	techniques = $state<string[]>([]);
	condition = $state<string>('');
	therapist = $state<string>('');
	clinic = $state<string>('');
	timepoint = $state<Timepoint>('pre');

	value: OutcomeFilter = $derived({
		from: this.from || null,
		to: this.to || null,
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
