const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random pseudonym such as "P7K2QX9MDA": 10 characters from a 32-letter alphabet (50 bits), from the platform's CSPRNG. */
export function randomPseudonym(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	let id = 'P';
	for (const b of bytes) id += ALPHABET[b % 32];
	return id;
}

/** A new pseudonym for each original id, all different. The key never leaves memory unless the custodian downloads it. */
export function pseudonymise(originals: readonly string[]): Map<string, string> {
	const key = new Map<string, string>();
	const used = new Set<string>();
	for (const original of originals) {
		let pseudonym = randomPseudonym();
		while (used.has(pseudonym)) pseudonym = randomPseudonym();
		used.add(pseudonym);
		key.set(original, pseudonym);
	}
	return key;
}
