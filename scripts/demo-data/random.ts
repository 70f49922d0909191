/** A seeded pseudo-random source: the same seed always gives the same stream, on every machine. */
export interface Random {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Normal draw (Box-Muller). */
	normal(mean: number, sd: number): number;
	/** Integer in [min, max], both included. */
	integer(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** One value from [value, weight] pairs; weights need not sum to 1. */
	weighted<T>(choices: readonly (readonly [T, number])[]): T;
	/** One key of a { key: weight } table. */
	weightedKey<K extends string>(weights: Partial<Record<K, number>>): K;
	/** Shuffles in place (Fisher-Yates) and returns the array. */
	shuffle<T>(items: T[]): T[];
	/** An independent stream seeded from this one, so one part of the simulation cannot shift another. */
	fork(): Random;
}

/** mulberry32 (Tommy Ettinger): 32-bit state, good enough for simulation, tiny and exact in JS integers. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function createRandom(seed: number): Random {
	if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed} (an integer is needed)`);
	const uniform = mulberry32(seed);

	const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
		const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
		let u = uniform() * total;
		for (const [value, weight] of choices) {
			if (u < weight) return value;
			u -= weight;
		}
		return choices[choices.length - 1][0];
	};

	return {
		uniform,
		normal(mean, sd) {
			const u1 = 1 - uniform();
			const u2 = uniform();
			return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
		},
		integer: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
		chance: (p) => uniform() < p,
		pick: (items) => items[Math.floor(uniform() * items.length)],
		weighted,
		weightedKey: <K extends string>(weights: Partial<Record<K, number>>) =>
			weighted(Object.entries(weights) as [K, number][]),
		shuffle(items) {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(uniform() * (i + 1));
				[items[i], items[j]] = [items[j], items[i]];
			}
			return items;
		},
		fork: () => createRandom(Math.floor(uniform() * 4294967296))
	};
}
