/**
 * Reliable change (Jacobson & Truax 1991, J Consult Clin Psychol 59:12): a client's change larger than the
 * measurement error of two scores, |change| > z(0.975) · S_diff.
 */
import { normalQuantile } from './distributions';

export interface ReliableChangeThreshold {
	/** Standard error of measurement, SEm = sd_baseline · √(1 - r_xx). */
	sem: number;
	/** Standard error of a difference of two scores, S_diff = √2 · SEm. */
	sdiff: number;
	/** Smallest change that is reliable at 95%: z(0.975) · S_diff (1.96 · S_diff). */
	threshold: number;
}

/** The threshold from the baseline SD of the clients and the instrument's test-retest reliability r_xx. */
export function reliableChangeThreshold(sdBaseline: number, reliability: number): ReliableChangeThreshold {
	if (!(sdBaseline >= 0) || !Number.isFinite(sdBaseline)) throw new Error(`invalid baseline sd: ${sdBaseline}`);
	if (!(reliability >= 0 && reliability <= 1)) throw new Error(`invalid reliability: ${reliability}`);
	const sem = sdBaseline * Math.sqrt(1 - reliability);
	const sdiff = Math.SQRT2 * sem;
	return { sem, sdiff, threshold: normalQuantile(0.975) * sdiff };
}

/**
 * From a published MDC95 (= 1.96·√2·SEm), the same threshold. The threshold is the MDC itself; S_diff and SEm
 * are worked back from it.
 */
export function thresholdFromMdc(mdc95: number): ReliableChangeThreshold {
	if (!(mdc95 >= 0) || !Number.isFinite(mdc95)) throw new Error(`invalid mdc: ${mdc95}`);
	const sdiff = mdc95 / normalQuantile(0.975);
	return { sem: sdiff / Math.SQRT2, sdiff, threshold: mdc95 };
}
