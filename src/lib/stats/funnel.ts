import { normalQuantile } from './distributions';

/** Control limits of a funnel plot at one unit size (Spiegelhalter 2005, Stat Med 24:1185). */
export interface FunnelPoint {
	/** Clients in the unit (e.g. one therapist's clients). */
	n: number;
	/** Lower 95% limit: about 1 unit in 40 falls below it by chance alone. */
	lower95: number;
	/** Upper 95% limit. */
	upper95: number;
	/** Lower 99.8% limit: about 1 unit in 1000 falls below it by chance alone. */
	lower998: number;
	/** Upper 99.8% limit. */
	upper998: number;
}

/** Control limits around a target mean for a unit of n clients: target ± z·sd/√n (z for 95% and 99.8%). */
export function funnelLimits(target: number, sd: number, ns: readonly number[]): FunnelPoint[] {
	if (!(sd >= 0) || !Number.isFinite(sd)) throw new Error(`invalid sd: ${sd}`);
	const z95 = normalQuantile(0.975);
	const z998 = normalQuantile(0.999);
	return ns.map((n) => {
		if (!(n > 0)) throw new Error(`invalid n: ${n}`);
		const se = sd / Math.sqrt(n);
		return { n, lower95: target - z95 * se, upper95: target + z95 * se, lower998: target - z998 * se, upper998: target + z998 * se };
	});
}
