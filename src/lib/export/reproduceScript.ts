import { instrument } from '$lib/domain/instruments';
import { COURSE_END_LABELS, MEASURES, TOLERANCE_SHARE_OF_RESOLUTION } from '$lib/measures';
import { TECHNIQUE_OUTCOMES } from '$lib/techniques/techniqueParams';
import { POOLED } from './researchResults';

/** How far a recomputed figure may be from results.csv's: |a - b| ≤ ABSOLUTE + RELATIVE × |b|. */
export const REPRODUCE_TOLERANCE = { absolute: 1e-8, relative: 1e-6 } as const;

const PLACEHOLDER = '# @CONSTANTS@';

const rText = (value: string) => JSON.stringify(value);
const rNumber = (value: number | null | undefined) => (value === null || value === undefined ? 'NA' : String(value));
const rVector = (values: readonly string[]) => `c(${values.join(', ')})`;

/**
 * The constants reproduce.R works with, in R: k, the outcomes and their instruments with the published thresholds
 * (from the instrument table the dashboard uses), the threshold tolerance and the comparison's tolerance.
 */
export function reproduceConstants(k: number): string {
	const outcomes = TECHNIQUE_OUTCOMES.map((key) => MEASURES.find((m) => m.key === key)!);
	const instruments = outcomes.map((m) => instrument(m.instrument.code));
	const column = (pick: (i: (typeof instruments)[number]) => string) => rVector(instruments.map(pick));
	return `# --- Written by the dashboard when the bundle was made ---------------------------------------------------
# Groups of fewer than K clients are not shown.
K <- ${k}
# The outcomes compared, their instruments and what was published about each (see dictionary.csv for sources).
OUTCOMES <- data.frame(outcome = ${rVector(outcomes.map((m) => rText(m.key)))},
                       instrument = ${rVector(instruments.map((i) => rText(i.code)))}, stringsAsFactors = FALSE)
INSTRUMENTS <- data.frame(
  code = ${column((i) => rText(i.code))},
  better = ${column((i) => rText(i.better))},
  min = ${column((i) => rNumber(i.min))},
  max = ${column((i) => rNumber(i.max))},
  resolution = ${column((i) => rNumber(i.resolution))},
  mcid_points = ${column((i) => rNumber(i.mcid_points))},
  mcid_percent = ${column((i) => rNumber(i.mcid_percent))},
  mdc95 = ${column((i) => rNumber(i.mdc95))},
  icc = ${column((i) => rNumber(i.icc))},
  stringsAsFactors = FALSE)
# A change reaches a threshold when it falls short by at most this share of the instrument's recorded step.
TOLERANCE_SHARE_OF_RESOLUTION <- ${TOLERANCE_SHARE_OF_RESOLUTION}
COURSE_ENDS <- ${rVector(Object.keys(COURSE_END_LABELS).map(rText))}
POOLED <- ${rText(POOLED)}
# A recomputed figure agrees when |dashboard - R| <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * |R|.
ABSOLUTE_TOLERANCE <- ${REPRODUCE_TOLERANCE.absolute}
RELATIVE_TOLERANCE <- ${REPRODUCE_TOLERANCE.relative}
# ------------------------------------------------------------------------------------------------------------------`;
}

/** reproduce.R for a bundle at k: the script's text (reproduce.R beside this file) with its constants filled in. */
export function reproduceScript(template: string, k: number): string {
	if (!template.includes(PLACEHOLDER)) throw new Error('reproduce.R has no constants placeholder');
	return template.replace(PLACEHOLDER, reproduceConstants(k));
}
