import { INSTRUMENTS } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import { SIDES, TIMEPOINTS } from '$lib/schema/measurement';

/** How an uploaded table is laid out. */
export type Layout =
	/** One row per session, scores in columns such as pain_nrs_pre, pain_nrs_post. */
	| 'wide'
	/** One row per score: instrument, timepoint and value columns, the session's fields repeated. */
	| 'long';

/** Fields of a session (and of its client) that a row of either layout carries. */
export const SESSION_FIELDS = [
	'session_id',
	'client_id',
	'therapist_id',
	'clinic_id',
	'session_date',
	'day_offset',
	'session_number',
	'duration_min',
	'primary_technique',
	'other_techniques',
	'body_region',
	'pressure',
	'age_band',
	'sex',
	'primary_condition'
] as const;

/** Fields of one score, in the long layout. */
export const LONG_MEASURE_FIELDS = ['instrument', 'timepoint', 'value', 'rom_movement', 'side'] as const;

export type SessionField = (typeof SESSION_FIELDS)[number];
export type LongMeasureField = (typeof LONG_MEASURE_FIELDS)[number];

/** A score column of the wide layout: an instrument at a timepoint, for ROM also a movement and a side. */
export interface WideMeasure {
	/** `pain_nrs_pre`, or for range of motion `rom_cervical_rotation_left_pre`. */
	key: string;
	instrument: string;
	timepoint: (typeof TIMEPOINTS)[number];
	rom_movement: string | null;
	side: (typeof SIDES)[number] | null;
}

/** Every score column the wide layout knows, in a stable order. */
export const WIDE_MEASURES: readonly WideMeasure[] = [
	...INSTRUMENTS.filter((i) => i.code !== 'rom').flatMap((i) =>
		TIMEPOINTS.map((timepoint) => ({ key: `${i.code}_${timepoint}`, instrument: i.code, timepoint, rom_movement: null, side: null }))
	),
	...ROM_MOVEMENTS.flatMap((m) =>
		SIDES.flatMap((side) =>
			TIMEPOINTS.map((timepoint) => ({
				key: `rom_${m.code}_${side}_${timepoint}`,
				instrument: 'rom',
				timepoint,
				rom_movement: m.code,
				side
			}))
		)
	)
];

/** Any field a source column can be mapped to. */
export type ImportField = SessionField | LongMeasureField | string;

/** Where a canonical field's values come from: a source column, or one value for every row. */
export type FieldSource = { column: string } | { constant: string };

/** How dates in the file are written; 'auto' decides from the values. */
export type DateFormat = 'auto' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'YYYY/MM/DD';

/** How decimals are written; 'auto' accepts a point, and a comma when no value uses a comma otherwise. */
export type DecimalMark = 'auto' | 'point' | 'comma';

/**
 * How an uploaded table becomes canonical rows: which source column (or fixed value) feeds each field, and how
 * the file's own category labels translate to the app's codes. Saved as a named preset and exported as JSON.
 */
export interface ImportMapping {
	layout: Layout;
	/** Canonical field (a SESSION_FIELDS or LONG_MEASURE_FIELDS name, or a WIDE_MEASURES key) → its source. */
	fields: Record<string, FieldSource>;
	/** Canonical field → the file's value (as written, trimmed) → the app's code, e.g. {"DT": "deep_tissue"}. */
	values: Record<string, Record<string, string>>;
	dateFormat: DateFormat;
	decimalMark: DecimalMark;
}

/** A mapping saved under a name, as stored in the browser and exported as JSON. */
export interface MappingPreset {
	name: string;
	/** What files it fits, for the preset list. */
	description: string;
	mapping: ImportMapping;
}
