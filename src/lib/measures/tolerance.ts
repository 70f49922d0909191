import type { Instrument } from '$lib/domain/instruments';

/**
 * How far short of a threshold a change may fall, as a share of the instrument's resolution, and still reach it.
 * Scores such as 2.3 are not exact in binary, so 2.3 - 0.3 is 1.9999999999999998: compared exactly, a change of
 * exactly the MCID on paper would miss it. A thousandth of the finest recorded step is far larger than that
 * rounding error (about 1e-15 of the score) and far smaller than any difference two recorded scores, or means of
 * up to a thousand of them, can have.
 */
export const TOLERANCE_SHARE_OF_RESOLUTION = 0.001;

/** The tolerance for thresholds on an instrument's scale: a thousandth of its resolution. */
export function thresholdTolerance(instrument: Pick<Instrument, 'resolution'>): number {
	if (!(instrument.resolution > 0)) throw new Error(`invalid resolution: ${instrument.resolution}`);
	return instrument.resolution * TOLERANCE_SHARE_OF_RESOLUTION;
}

/** Whether a change reaches a threshold ("at least"): change ≥ threshold - tolerance. */
export function reaches(change: number, threshold: number, tolerance: number): boolean {
	return change >= threshold - tolerance;
}

/** Whether a change is beyond a threshold ("more than"): change > threshold + tolerance. */
export function exceeds(change: number, threshold: number, tolerance: number): boolean {
	return change > threshold + tolerance;
}
