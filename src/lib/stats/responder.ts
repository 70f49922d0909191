/**
 * MCID rule: 'points' (change ≥ mcid_points) or 'percent' (change ≥ mcid_percent% of the baseline score, for
 * lower-is-better instruments where baseline is the distance from 0). Change is signed so improvement is positive.
 */
export type ResponderRule = 'points' | 'percent';

/** The instrument's MCID, as the reference table stores it (Instrument.mcid_points, Instrument.mcid_percent). */
export interface Mcid {
	/** Minimal clinically important difference in points, or null where none is published. */
	points: number | null;
	/** Percentage of the baseline score (e.g. 30 for 30%), or null. */
	percent: number | null;
}

/**
 * The smallest change that makes a client a responder under the rule, or null when the rule has no MCID for this
 * instrument, or (percent rule) when the baseline is 0, since nothing can improve by a share of nothing.
 */
export function responderThreshold(rule: ResponderRule, mcid: Mcid, baseline: number): number | null {
	if (rule === 'points') return mcid.points;
	if (rule !== 'percent') throw new Error(`invalid rule: ${rule}`);
	if (!(baseline >= 0) || !Number.isFinite(baseline)) throw new Error(`invalid baseline: ${baseline}`);
	if (mcid.percent === null || baseline === 0) return null;
	return (mcid.percent * baseline) / 100;
}

/** Whether a client's signed change reaches the threshold; false when there is no threshold. */
export function isResponder(change: number, threshold: number | null): boolean {
	// Scores such as 5.6 are not exact in binary: a change equal to the threshold on paper must still count.
	return threshold !== null && change >= threshold - 1e-9;
}
