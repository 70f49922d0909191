import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import { errorMessage } from '$lib/errorMessage';
import type { OnTrackMeasureKey } from '$lib/measures';
import { queryClientCourse, type ClientCourse, type OnTrackFilter } from '$lib/queries/clientsOnTrack';
import { referenceClients } from './judgeClient';
import { loadOnTrackAnalysis, type OnTrackAnalysis } from './onTrackAnalysis';

/** What the verdicts are computed for: the selection and k (an expected course rests on at least k clients). */
export interface OnTrackChoice {
	filter: OnTrackFilter;
	k: number;
}

/** The "Clients not on track" page: its controls, the verdicts for the latest choice, and one client's course. */
export class OnTrackPage extends AnalysisPage<OnTrackChoice, OnTrackAnalysis> {
	measure = $state<OnTrackMeasureKey>('pain');
	/** Weeks back from the data's last session, as text for the select ('any' = every client). */
	weeks = $state('6');
	/** Condition, therapist and clinic codes, or '' for all. */
	condition = $state('');
	therapist = $state('');
	clinic = $state('');
	/** Every listed client, or only those not on track. */
	showAll = $state(false);
	/** The client whose course is drawn, and that course. */
	selected = $state<string | null>(null);
	course = $state.raw<ClientCourse | null>(null);
	courseFailure = $state<string | null>(null);
	#courseRequest = 0;

	filter: OnTrackFilter = $derived({
		measure: this.measure,
		activeWeeks: this.weeks === 'any' ? null : Number(this.weeks),
		condition: this.condition || null,
		therapist: this.therapist || null,
		clinic: this.clinic || null
	});

	constructor() {
		super((db, { filter, k }) => loadOnTrackAnalysis(db, filter, k));
	}

	/** Draws a client's course against the expected one (null clears it). */
	async showClient(clientId: string | null, k: number): Promise<void> {
		const request = ++this.#courseRequest;
		this.selected = clientId;
		this.courseFailure = null;
		const db = this.database;
		if (!clientId || !db) {
			this.course = null;
			return;
		}
		try {
			const course = await queryClientCourse(db, this.measure, clientId, referenceClients(k));
			if (request === this.#courseRequest) this.course = course;
		} catch (error) {
			if (request === this.#courseRequest) {
				this.course = null;
				this.courseFailure = errorMessage(error);
			}
		}
	}
}
