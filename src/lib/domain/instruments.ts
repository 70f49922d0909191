/**
 * Outcome instruments: range, direction, MCID and reliability, each with its source.
 * One reference table, so a clinic can override a value in one place.
 */
export interface Instrument {
	/** Code stored in measurements.instrument. */
	code: string;
	/** Label a person reads, with the range (chart titles use it). */
	label: string;
	/** Short name for a chart title, e.g. "Pain". */
	measure: string;
	min: number;
	max: number;
	unit: string;
	/** Which direction is improvement. ROM is "higher, up to normal". */
	better: 'lower' | 'higher';
	/** Minimal clinically important difference in points, or null where none is published. */
	mcid_points: number | null;
	/** Percentage rule for the MCID (e.g. 30 for 30% of baseline), or null. */
	mcid_percent: number | null;
	/** How the MCID is to be read, and its source. */
	mcid_source: string;
	/** Test-retest reliability or minimal detectable change, where published. */
	reliability: string | null;
	/** Published minimal detectable change (95%) in the instrument's units, used as the reliable-change threshold. */
	mdc95?: number;
	/** Published test-retest reliability (ICC; the lower bound where a range is given), for Jacobson-Truax. */
	icc?: number;
	/**
	 * The finest step a score is recorded in (0.1 where one decimal is kept, e.g. a 0-100 mm VAS read as 0-10; 1 for
	 * whole points or degrees). Thresholds are compared with a tolerance of a thousandth of it (measures/tolerance.ts).
	 */
	resolution: number;
	/** Source of the instrument's range and direction. */
	source: string;
}

export const INSTRUMENTS: readonly Instrument[] = [
	{
		code: 'pain_nrs', label: 'Pain (0-10)', measure: 'Pain', min: 0, max: 10, unit: 'points', better: 'lower', resolution: 0.1,
		mcid_points: 2, mcid_percent: 30,
		mcid_source: 'Farrar et al. 2001, Pain 94:149 (2 points or 30%); low back pain 2 points (Ostelo et al. 2008, Spine)',
		mdc95: 1.77, reliability: 'MDC 1.77 points', source: 'Numeric rating scale, 0 = no pain, 10 = worst imaginable'
	},
	{
		code: 'pain_vas', label: 'Pain (0-100 mm VAS)', measure: 'Pain (VAS)', min: 0, max: 100, unit: 'mm', better: 'lower', resolution: 1,
		mcid_points: 15, mcid_percent: null, mcid_source: 'Ostelo et al. 2008, Spine', reliability: null,
		source: '100 mm visual analogue scale'
	},
	{
		code: 'stress_nrs', label: 'Stress (0-10)', measure: 'Stress', min: 0, max: 10, unit: 'points', better: 'lower', resolution: 0.1,
		mcid_points: null, mcid_percent: null,
		mcid_source: 'None published: 0.5 x baseline SD is used as a distribution-based threshold',
		reliability: null, source: 'Single-item stress rating, 0 = none, 10 = extreme'
	},
	{
		code: 'pss10', label: 'Perceived Stress Scale (0-40)', measure: 'PSS-10', min: 0, max: 40, unit: 'points', better: 'lower', resolution: 1,
		mcid_points: 11, mcid_percent: 28, mcid_source: 'Eskildsen et al. 2015 (11 points or 28%)',
		reliability: 'PSS-14 (0-56) and PSS-4 (0-16) are different versions: never mixed', source: 'Cohen 1983; 10-item version'
	},
	{
		code: 'sleep_nrs', label: 'Sleep quality (0-10)', measure: 'Sleep quality', min: 0, max: 10, unit: 'points', better: 'higher', resolution: 0.1,
		mcid_points: null, mcid_percent: null,
		mcid_source: 'None published (responsiveness SRM 0.67-1.32, Snyder et al. 2018)',
		reliability: 'ICC 0.62-0.74 (Snyder et al. 2018)', icc: 0.62, source: 'Sleep Quality Scale single item, 0 = terrible, 10 = excellent'
	},
	{
		code: 'psqi', label: 'Pittsburgh Sleep Quality Index (0-21)', measure: 'PSQI', min: 0, max: 21, unit: 'points', better: 'lower', resolution: 1,
		mcid_points: 3, mcid_percent: null, mcid_source: 'Hughes et al. 2009', reliability: null,
		source: 'Buysse et al. 1989 (> 5 = poor sleeper)'
	},
	{
		code: 'ndi', label: 'Neck Disability Index (0-50)', measure: 'NDI', min: 0, max: 50, unit: 'points', better: 'lower', resolution: 0.5,
		mcid_points: 7.5, mcid_percent: null, mcid_source: '7.5 points on the 0-50 scale',
		reliability: 'MDC 10.2 on the 0-100% scale (Young et al. 2009)', source: 'Vernon & Mior 1991'
	},
	{
		code: 'odi', label: 'Oswestry Disability Index (0-100)', measure: 'ODI', min: 0, max: 100, unit: 'points', better: 'lower', resolution: 0.1,
		mcid_points: 10, mcid_percent: null, mcid_source: 'Ostelo et al. 2008, Spine', reliability: null,
		source: 'Fairbank & Pynsent 2000'
	},
	{
		code: 'psfs', label: 'Patient-Specific Functional Scale (0-10)', measure: 'PSFS', min: 0, max: 10, unit: 'points', better: 'higher', resolution: 0.1,
		mcid_points: 2, mcid_percent: null,
		mcid_source: 'Abbott & Schmitt 2014 (1.3 small, 2.3 medium, 2.7 large)', reliability: null, source: 'Stratford et al. 1995'
	},
	{
		code: 'rom', label: 'Range of motion (degrees)', measure: 'Range of motion', min: 0, max: 200, unit: 'degrees', better: 'higher', resolution: 1,
		mcid_points: null, mcid_percent: null,
		mcid_source: "No anchor-based MCID: the movement's MDC is used (cervical 5.4-9.6 degrees, Fletcher & Bandy 2008; shoulder same-rater MDC90 4-8 degrees)",
		reliability: 'Cervical MDC 5.4-9.6 degrees (Fletcher & Bandy 2008)', source: 'Goniometry; higher is better up to the normal range'
	}
];

export const INSTRUMENT_CODES = INSTRUMENTS.map((i) => i.code) as [string, ...string[]];

export function instrument(code: string): Instrument {
	const found = INSTRUMENTS.find((i) => i.code === code);
	if (!found) throw new Error(`invalid instrument: ${code}`);
	return found;
}
