import { DEFAULT_K, MIN_K } from '$lib/disclosure';

const STORAGE_KEY = 'massage-outcomes:k';

function storedK(): number {
	if (typeof localStorage === 'undefined') return DEFAULT_K;
	const value = Number(localStorage.getItem(STORAGE_KEY));
	return Number.isInteger(value) && value >= MIN_K ? value : DEFAULT_K;
}

/**
 * The smallest group shown (k clients), one setting for every page: 11 unless the clinic raises or lowers it,
 * never below MIN_K. Kept in this browser.
 */
class PrivacySettings {
	#k = $state(storedK());

	get k(): number {
		return this.#k;
	}

	/** Sets k; a value that is not a whole number of at least MIN_K is refused. */
	set k(value: number) {
		if (!Number.isInteger(value) || value < MIN_K) throw new Error(`invalid k: ${value} (the minimum group size is ${MIN_K})`);
		this.#k = value;
		localStorage.setItem(STORAGE_KEY, String(value));
	}
}

export const privacy = new PrivacySettings();
