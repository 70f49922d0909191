import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_K, HOLDER_K } from '$lib/disclosure';

/** A localStorage for Node: the settings read and write it as the browser's. */
function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		key: (i) => [...items.keys()][i] ?? null,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, String(value)),
		removeItem: (key) => void items.delete(key),
		clear: () => items.clear()
	};
}

async function settings() {
	const { PrivacySettings, ONLY_ME_KEY_PREFIX } = await import('$lib/state/privacySettings.svelte');
	return { privacy: new PrivacySettings(), ONLY_ME_KEY_PREFIX };
}

describe('the only-me view', () => {
	beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));

	test('is never offered for the demo data, and cannot be turned on there', async () => {
		const { privacy } = await settings();
		privacy.showing('demo');
		expect(privacy.onlyMeOffered).toBe(false);
		expect(() => (privacy.onlyMe = true)).toThrow('invalid dataset for the only-me view: demo');
		expect(privacy.screenK).toBe(DEFAULT_K);
	});

	test("is never offered for a query server's data: a network's pooled data are not the holder's own", async () => {
		const { privacy, ONLY_ME_KEY_PREFIX } = await settings();
		localStorage.setItem(ONLY_ME_KEY_PREFIX + 'server', 'on');
		privacy.showing('server');
		expect(privacy.onlyMeOffered).toBe(false);
		expect(privacy.onlyMe).toBe(false);
		expect(() => (privacy.onlyMe = true)).toThrow('invalid dataset for the only-me view: server');
		expect(privacy.screenK).toBe(DEFAULT_K);
	});

	test('is off by default for a kept dataset; on, the screen shows every group while k stays for what leaves', async () => {
		const { privacy } = await settings();
		privacy.showing('kept-1');
		expect(privacy.onlyMeOffered).toBe(true);
		expect(privacy.onlyMe).toBe(false);
		expect(privacy.screenK).toBe(DEFAULT_K);
		privacy.onlyMe = true;
		expect(privacy.screenK).toBe(HOLDER_K);
		expect(privacy.k).toBe(DEFAULT_K);
		privacy.k = 15;
		expect(privacy.screenK).toBe(HOLDER_K);
		expect(privacy.isSmall(14)).toBe(true);
		expect(privacy.isSmall(15)).toBe(false);
		expect(privacy.isSmall(null)).toBe(false);
	});

	test('is remembered per dataset, and comes back when the dataset is shown again or the page reloads', async () => {
		const { privacy, ONLY_ME_KEY_PREFIX } = await settings();
		privacy.showing('kept-1');
		privacy.onlyMe = true;
		expect(localStorage.getItem(ONLY_ME_KEY_PREFIX + 'kept-1')).toBe('on');
		privacy.showing('kept-2');
		expect(privacy.onlyMe).toBe(false);
		expect(privacy.screenK).toBe(DEFAULT_K);
		privacy.showing('demo');
		expect(privacy.onlyMe).toBe(false);
		privacy.showing('kept-1');
		expect(privacy.onlyMe).toBe(true);

		// A reload: the dataset chosen in this browser is shown, with its choice.
		localStorage.setItem('massage-outcomes:active-dataset', 'kept-1');
		const reloaded = (await settings()).privacy;
		expect(reloaded.dataset).toBe('kept-1');
		expect(reloaded.screenK).toBe(HOLDER_K);

		privacy.onlyMe = false;
		expect(localStorage.getItem(ONLY_ME_KEY_PREFIX + 'kept-1')).toBeNull();
		expect(privacy.screenK).toBe(DEFAULT_K);
	});
});
