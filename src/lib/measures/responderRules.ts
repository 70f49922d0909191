import type { Instrument } from '$lib/domain/instruments';
import { reliableChangeThreshold, thresholdFromMdc } from '$lib/stats/reliableChange';
import type { CourseThresholds } from './responder';

/** The thresholds a course is judged by, with the words that say where each comes from. */
export interface CourseRules extends CourseThresholds {
	/** How a response is defined, e.g. "improved by at least 2 points (the MCID; Farrar et al. 2001)". */
	responderRule: string;
	/** How reliable change is defined, or why it is not shown. */
	reliableRule: string;
}

function round(value: number): string {
	return value.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * Response and reliable-change thresholds for an instrument: the published MCID (points and the % rule; see the
 * instrument table), or 0.5 × the baseline SD of the clients compared where none is published (Norman, Sloan &
 * Wyrwich 2003, Med Care 41:582), said so; reliable change from the published MDC95, or Jacobson & Truax (1991)
 * from a published ICC and the baseline SD. Every threshold is compared with the tolerance of tolerance.ts.
 */
export function courseRules(instrument: Instrument, baselineSd: number | null): CourseRules {
	const distribution = instrument.mcid_points === null && baselineSd !== null && baselineSd > 0 ? 0.5 * baselineSd : null;
	const points = instrument.mcid_points ?? distribution;
	const share = instrument.mcid_percent === null ? null : instrument.mcid_percent / 100;
	const responderRule =
		instrument.mcid_points !== null
			? `improved by at least ${instrument.mcid_points} ${instrument.unit} (the MCID; ${instrument.mcid_source})`
			: distribution !== null
				? `improved by at least ${round(distribution)} ${instrument.unit}, half the baseline SD: no MCID is published for this measure, so a distribution-based threshold stands in`
				: 'no MCID is published and the baseline SD is unknown, so no responder rate is shown';
	let reliable: number | null = null;
	let reliableRule = 'no reliability is published for this measure, so reliable change is not shown';
	if (instrument.mdc95 !== undefined) {
		reliable = thresholdFromMdc(instrument.mdc95).threshold;
		reliableRule = `improved by more than ${round(reliable)} ${instrument.unit}, the published minimal detectable change (${instrument.reliability})`;
	} else if (instrument.icc !== undefined && baselineSd !== null && baselineSd > 0) {
		reliable = reliableChangeThreshold(baselineSd, instrument.icc).threshold;
		reliableRule = `improved by more than ${round(reliable)} ${instrument.unit} (Jacobson-Truax, ICC ${instrument.icc} and the baseline SD ${round(baselineSd)})`;
	}
	return { points, share, reliable, responderRule, reliableRule };
}
