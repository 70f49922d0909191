import { instrument } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import { DOSE_BUCKETS } from '$lib/queries/doseResponse';
import { MAX_SESSION } from '$lib/queries/sessionCurves';
import { ALL_TECHNIQUES } from '$lib/queries/trend';
import { ALL_CONDITIONS } from './pageFigures';

const text = (value: string) => JSON.stringify(value);
const number = (value: number | null | undefined) => (value === null || value === undefined ? 'NA' : String(value));
const vector = (values: readonly string[]) => `c(${values.join(', ')})`;

/** pages-constants.R: the reference lists pages.R needs, from the dashboard's own (movements, buckets, the ROM scale). */
export function pageConstants(): string {
	const rom = instrument('rom');
	return `# Written by scripts/reproduce/run.ts from the dashboard's reference lists.
MOVEMENTS <- data.frame(code = ${vector(ROM_MOVEMENTS.map((m) => text(m.code)))},
                        normal_degrees = ${vector(ROM_MOVEMENTS.map((m) => number(m.normal_degrees)))},
                        mdc_degrees = ${vector(ROM_MOVEMENTS.map((m) => number(m.mdc_degrees)))}, stringsAsFactors = FALSE)
ROM_INSTRUMENT <- data.frame(code = "rom", better = ${text(rom.better)}, min = ${rom.min}, max = ${rom.max}, resolution = ${rom.resolution},
                             mcid_points = NA, mcid_percent = NA, mdc95 = NA, icc = NA, stringsAsFactors = FALSE)
INSTRUMENTS_ROM_RESOLUTION <- ${rom.resolution}
MAX_SESSION <- ${MAX_SESSION}
DOSE_BUCKETS <- data.frame(label = ${vector(DOSE_BUCKETS.map((b) => text(b.label)))},
                           min = ${vector(DOSE_BUCKETS.map((b) => number(b.min)))},
                           max = ${vector(DOSE_BUCKETS.map((b) => number(b.max)))}, stringsAsFactors = FALSE)
ALL_CONDITIONS <- ${text(ALL_CONDITIONS)}
ALL_TECHNIQUES <- ${text(ALL_TECHNIQUES)}
`;
}
