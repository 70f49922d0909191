import { DEFAULT_K, HOLDER_K, MIN_K } from '$lib/disclosure';
import { DEMO_DATASET_ID } from '$lib/storage/datasetInfo';
import { activeDatasetId, ONLY_ME_KEY_PREFIX } from '$lib/storage/datasetStore';
import { SERVER_DATASET_ID } from '$lib/storage/serverConnection';

/**
 * Datasets the only-me view is never offered for: the demo data, and a query server's (a network's pooled data are
 * not the holder's own clinic's).
 */
const NO_ONLY_ME = new Set([DEMO_DATASET_ID, SERVER_DATASET_ID]);

export { ONLY_ME_KEY_PREFIX };

const STORAGE_KEY = 'massage-outcomes:k';

const hasStorage = () => typeof localStorage !== 'undefined';

function storedK(): number {
	if (!hasStorage()) return DEFAULT_K;
	const value = Number(localStorage.getItem(STORAGE_KEY));
	return Number.isInteger(value) && value >= MIN_K ? value : DEFAULT_K;
}

/** Whether the only-me view was left on for a dataset; never for the demo data or a query server's. */
function storedOnlyMe(dataset: string | null): boolean {
	if (!hasStorage() || dataset === null || NO_ONLY_ME.has(dataset)) return false;
	return localStorage.getItem(ONLY_ME_KEY_PREFIX + dataset) === 'on';
}

/** The dataset the pages will show, as far as this browser remembers, until a page says which one it shows. */
function rememberedDataset(): string | null {
	if (!hasStorage()) return null;
	try {
		return activeDatasetId();
	} catch {
		return null;
	}
}

/**
 * The smallest group shown (k clients), one setting for every page: 11 unless the clinic raises or lowers it,
 * never below MIN_K. Kept in this browser.
 *
 * And the "only me" view: the person who holds a kept (imported) dataset may see its small groups on their own
 * screen, flagged. It is off by default, never offered for the demo data, and remembered per dataset. It changes
 * only `screenK`, the threshold of the pages' on-screen models: whatever leaves the browser (the report, exports,
 * chart files) keeps using `k`.
 */
export class PrivacySettings {
	#k = $state(storedK());
	#dataset = $state<string | null>(rememberedDataset());
	#onlyMe = $state(false);

	constructor() {
		this.#onlyMe = storedOnlyMe(this.#dataset);
	}

	get k(): number {
		return this.#k;
	}

	/** Sets k; a value that is not a whole number of at least MIN_K is refused. */
	set k(value: number) {
		if (!Number.isInteger(value) || value < MIN_K) throw new Error(`invalid k: ${value} (the minimum group size is ${MIN_K})`);
		this.#k = value;
		localStorage.setItem(STORAGE_KEY, String(value));
	}

	/** The id of the dataset the pages show, or null before any is known. */
	get dataset(): string | null {
		return this.#dataset;
	}

	/** Says which dataset the pages show; its only-me choice comes back with it. */
	showing(dataset: string): void {
		if (dataset === this.#dataset) return;
		this.#dataset = dataset;
		this.#onlyMe = storedOnlyMe(dataset);
	}

	/** The only-me view can be offered: a kept dataset is shown, not the demo data. */
	get onlyMeOffered(): boolean {
		return this.#dataset !== null && !NO_ONLY_ME.has(this.#dataset);
	}

	/** The only-me view is on for the dataset shown. */
	get onlyMe(): boolean {
		return this.#onlyMe && this.onlyMeOffered;
	}

	/** Turns the only-me view on or off for the dataset shown, and remembers it for that dataset. */
	set onlyMe(on: boolean) {
		if (on && !this.onlyMeOffered) throw new Error(`invalid dataset for the only-me view: ${this.#dataset ?? 'none shown'} (only a kept dataset has one)`);
		this.#onlyMe = on;
		if (this.#dataset === null || !hasStorage()) return;
		if (on) localStorage.setItem(ONLY_ME_KEY_PREFIX + this.#dataset, 'on');
		else localStorage.removeItem(ONLY_ME_KEY_PREFIX + this.#dataset);
	}

	/** The threshold of what the pages show on this screen: HOLDER_K in the only-me view, else k. */
	get screenK(): number {
		return this.onlyMe ? HOLDER_K : this.#k;
	}

	/** A shown group of this many clients rests on fewer than k: on screen in the only-me view only, and flagged. */
	isSmall(clients: number | null | undefined): boolean {
		return clients !== null && clients !== undefined && clients < this.#k;
	}
}

export const privacy = new PrivacySettings();
