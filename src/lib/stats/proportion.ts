import { checkedLevel, zCritical } from './distributions';

export interface Proportion {
	/** Clients counted, e.g. responders. */
	successes: number;
	/** Clients the share is out of. */
	n: number;
	/** successes / n. */
	rate: number;
	/** Lower end of the interval, never below 0. */
	lower: number;
	/** Upper end of the interval, never above 1. */
	upper: number;
	/** Confidence level, e.g. 0.95. */
	level: number;
}

/**
 * Wilson score interval (no continuity correction). null when n = 0.
 * (p̂ + z²/2n ± z·√(p̂(1 - p̂)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927, JASA 22:209; Newcombe 1998, Stat Med 17:857,
 * method 3). Unlike p̂ ± z·SE it stays inside [0, 1] and is not zero-width at 0/n or n/n.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Proportion | null {
	checkedLevel(level);
	if (!Number.isInteger(n) || n < 0) throw new Error(`invalid n: ${n}`);
	if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new Error(`invalid successes: ${successes} of ${n}`);
	if (n === 0) return null;
	const z = zCritical(level);
	const rate = successes / n;
	const z2n = (z * z) / n;
	const centre = (rate + z2n / 2) / (1 + z2n);
	const half = (z * Math.sqrt(rate * (1 - rate) / n + z2n / (4 * n))) / (1 + z2n);
	// At 0/n and n/n the bound is exactly 0 or 1; rounding could put it a hair outside.
	const lower = successes === 0 ? 0 : Math.max(0, centre - half);
	const upper = successes === n ? 1 : Math.min(1, centre + half);
	return { successes, n, rate, lower, upper, level };
}
