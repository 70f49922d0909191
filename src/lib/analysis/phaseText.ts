import type { StartPhase } from '$lib/db/browserDatabase';

/** What a page says while its database starts, phase by phase. */
export type PhaseText = Record<StartPhase, string>;

/** The analysis pages' words for the phases; a page may replace one with its own. */
export const PHASE_TEXT: PhaseText = {
	starting: 'Starting the in-browser database…',
	loading: 'Loading the dataset…',
	ready: 'Computing outcomes…'
};
