import { INSTRUMENTS } from '$lib/domain/instruments';
import { TIMEPOINTS } from '$lib/schema/measurement';

/** A FHIR CodeableConcept, as far as it names a score. */
export interface Concept {
	coding?: { system?: string; code?: string; display?: string }[];
	text?: string;
}

export const LOINC = 'http://loinc.org';

/**
 * LOINC codes read as an instrument. Only 72514-3 (pain severity, 0-10 verbal numeric rating) fits one of the
 * dashboard's instruments exactly; LOINC's "Stress level" (93038-8) is a five-answer screening item, not a 0-10
 * rating, so stress and sleep quality are recognised by name (below) rather than by a LOINC code.
 */
export const LOINC_INSTRUMENTS: Readonly<Record<string, string>> = { '72514-3': 'pain_nrs' };

/** Lower case, anything but letters and digits folded to single `_`. */
function fold(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/**
 * Names that mean an instrument: its code, label and short name ("Pain (0-10)", "Sleep quality"), and a few short
 * words. Range of motion is left out: a score needs its movement and side, which these resources do not carry.
 */
const NAMES = new Map<string, string>([
	...INSTRUMENTS.filter((i) => i.code !== 'rom').flatMap((i) => [i.code, i.label, i.measure].map((n) => [fold(n), i.code] as [string, string])),
	['pain', 'pain_nrs'],
	['stress', 'stress_nrs'],
	['sleep', 'sleep_nrs'],
	['sleep_quality', 'sleep_nrs']
]);

/** The instrument a coded score is: a LOINC code from the table, a code that is an instrument code, or its text by name. */
export function instrumentOfConcept(concept: Concept | undefined): string | null {
	const codings = Array.isArray(concept?.coding) ? concept.coding : [];
	for (const coding of codings) {
		if (coding.system === LOINC && coding.code && LOINC_INSTRUMENTS[coding.code]) return LOINC_INSTRUMENTS[coding.code];
	}
	for (const coding of codings) {
		if (coding.system !== LOINC && coding.code && NAMES.get(fold(coding.code)) === fold(coding.code)) return fold(coding.code);
	}
	return typeof concept?.text === 'string' ? (NAMES.get(fold(concept.text)) ?? null) : null;
}

/** How a concept is named in a note: "LOINC 8867-4", or its text. */
export function conceptName(concept: Concept | undefined): string {
	const codings = Array.isArray(concept?.coding) ? concept.coding : [];
	const loinc = codings.find((c) => c.system === LOINC && c.code);
	if (loinc) return `LOINC ${loinc.code}`;
	const coded = codings.find((c) => c.code);
	if (coded) return `code ${coded.code}`;
	return concept?.text ? `"${concept.text}"` : 'no code';
}

const SUFFIXES: [string, (typeof TIMEPOINTS)[number]][] = [
	...TIMEPOINTS.map((t) => [t, t] as [string, (typeof TIMEPOINTS)[number]]),
	['before', 'pre'],
	['after', 'post']
];

/**
 * The instrument and timepoint of a questionnaire item by its linkId: an instrument name, optionally ending in a
 * timepoint ("stress-pre", "pain_nrs_post", "sleep-before"). Without one, the timepoint is left to the order rule.
 */
export function instrumentOfLinkId(linkId: string): { instrument: string; timepoint: (typeof TIMEPOINTS)[number] | null } | null {
	const folded = fold(linkId);
	for (const [suffix, timepoint] of SUFFIXES) {
		if (!folded.endsWith(`_${suffix}`)) continue;
		const instrument = NAMES.get(folded.slice(0, -suffix.length - 1));
		if (instrument) return { instrument, timepoint };
	}
	const instrument = NAMES.get(folded);
	return instrument ? { instrument, timepoint: null } : null;
}
