import type { Random } from '../demo-data/random';

/** A copy with `count` bytes set to random values, at offsets in [from, to). */
export function scramble(random: Random, bytes: Uint8Array, count: number, from = 0, to = bytes.length): Uint8Array {
	const copy = bytes.slice();
	if (to <= from) return copy;
	for (let i = 0; i < count; i++) copy[random.integer(from, to - 1)] = random.integer(0, 255);
	return copy;
}

/** The first bytes only, cut at a random offset in [1, length - 1]. */
export function truncate(random: Random, bytes: Uint8Array): Uint8Array {
	return bytes.slice(0, random.integer(1, Math.max(1, bytes.length - 1)));
}

/** A copy with `insert` put in at `at`. */
export function splice(bytes: Uint8Array, at: number, insert: Uint8Array, remove = 0): Uint8Array {
	const out = new Uint8Array(bytes.length + insert.length - remove);
	out.set(bytes.subarray(0, at));
	out.set(insert, at);
	out.set(bytes.subarray(at + remove), at + insert.length);
	return out;
}

/** Random bytes. */
export function randomBytes(random: Random, length: number): Uint8Array {
	return Uint8Array.from({ length }, () => random.integer(0, 255));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
