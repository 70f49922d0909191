import type { z } from 'zod';
import { instrument } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import { Client } from '$lib/schema/client';
import { Measurement } from '$lib/schema/measurement';
import { Session } from '$lib/schema/session';
import { WIDE_MEASURES, type ImportMapping, type Layout, type WideMeasure } from './importFields';

/** How a field's text is read before its schema checks it. */
export type FieldKind = 'id' | 'date' | 'integer' | 'number' | 'code' | 'codeList' | 'score';

/** One field a source column can feed: what it is called, how it is read and checked, and whether it must be there. */
export interface FieldSpec {
	key: string;
	label: string;
	kind: FieldKind;
	/** Must be mapped to a column or given one value. */
	required: boolean;
	/** Value used when the field is not mapped at all (the dataset then says "unknown"). */
	fallback?: string;
	/** Checks one parsed value. For scores: the whole Measurement schema with the column's instrument and timepoint. */
	check: (value: unknown) => z.ZodSafeParseResult<unknown>;
	/** For a wide score column: what it measures. */
	measure?: WideMeasure;
}

const TIMEPOINT_WORDS: Record<string, string> = {
	pre: 'before the session',
	post: 'after the session',
	intake: 'at intake',
	discharge: 'at discharge'
};

function sessionField(key: keyof typeof Session.shape, label: string, kind: FieldKind, required: boolean, fallback?: string): FieldSpec {
	const schema = Session.shape[key] as z.ZodType;
	return { key, label, kind, required, fallback, check: (v) => schema.safeParse(v, { reportInput: true }) };
}

function clientField(key: keyof typeof Client.shape, label: string, kind: FieldKind, required: boolean, fallback?: string): FieldSpec {
	const schema = Client.shape[key] as z.ZodType;
	return { key, label, kind, required, fallback, check: (v) => schema.safeParse(v, { reportInput: true }) };
}

/** A placeholder session id: a score is checked on its own, its session is checked with the session fields. */
const ANY_SESSION = 'S';

/** Fields every row of either layout may carry. */
export const SESSION_FIELD_SPECS: readonly FieldSpec[] = [
	sessionField('session_id', 'Session ID', 'id', false),
	sessionField('client_id', 'Client ID', 'id', true),
	// No fallback: a file without therapist or clinic ids leaves them empty rather than inventing one "unknown" id.
	sessionField('therapist_id', 'Therapist ID', 'id', false),
	sessionField('clinic_id', 'Clinic ID', 'id', false),
	sessionField('session_date', 'Visit date', 'date', true),
	sessionField('day_offset', 'Days since the client’s first visit', 'integer', false),
	sessionField('session_number', 'Session number in the course', 'integer', false),
	sessionField('duration_min', 'Duration (minutes)', 'integer', false),
	sessionField('primary_technique', 'Technique', 'code', true),
	sessionField('other_techniques', 'Other techniques', 'codeList', false),
	sessionField('body_region', 'Body region', 'code', false),
	sessionField('pressure', 'Pressure', 'code', false),
	clientField('age_band', 'Age band', 'code', false),
	clientField('sex', 'Sex', 'code', false, 'unknown'),
	clientField('primary_condition', 'Condition', 'code', true)
];

const measurementShape = Measurement.shape;

/** Fields of one score in the long layout; the value is checked with its instrument once both are known. */
export const LONG_FIELD_SPECS: readonly FieldSpec[] = (
	[
		['instrument', 'Instrument', 'code', true],
		['timepoint', 'Timepoint', 'code', true],
		['value', 'Score', 'number', true],
		['rom_movement', 'ROM movement', 'code', false],
		['side', 'ROM side', 'code', false]
	] as const
).map(([key, label, kind, required]) => {
	const schema = measurementShape[key] as z.ZodType;
	return { key, label, kind, required, check: (v: unknown) => schema.safeParse(v, { reportInput: true }) };
});

function wideLabel(m: WideMeasure): string {
	const when = TIMEPOINT_WORDS[m.timepoint];
	if (m.rom_movement === null) return `${instrument(m.instrument).label}, ${when}`;
	const movement = ROM_MOVEMENTS.find((r) => r.code === m.rom_movement)?.label ?? m.rom_movement;
	return `${movement} (${m.side}, degrees), ${when}`;
}

/** One wide score column: the whole Measurement schema, so range and ROM rules are zod's own. */
function wideSpec(m: WideMeasure): FieldSpec {
	return {
		key: m.key,
		label: wideLabel(m),
		kind: 'score',
		required: false,
		measure: m,
		check: (value) =>
			Measurement.safeParse(
				{ session_id: ANY_SESSION, instrument: m.instrument, timepoint: m.timepoint, value, rom_movement: m.rom_movement, side: m.side },
				{ reportInput: true }
			)
	};
}

export const WIDE_FIELD_SPECS: readonly FieldSpec[] = WIDE_MEASURES.map(wideSpec);

const BY_KEY = new Map([...SESSION_FIELD_SPECS, ...LONG_FIELD_SPECS, ...WIDE_FIELD_SPECS].map((f) => [f.key, f]));

/**
 * Whether a mapping must feed a field: the field's own rule, except the visit date, which a column of days since
 * the client's first visit stands in for (a researcher export holds no dates).
 */
export function requiredIn(spec: FieldSpec, mapping: Pick<ImportMapping, 'fields'>): boolean {
	return spec.key === 'session_date' ? mapping.fields.day_offset === undefined : spec.required;
}

export function fieldSpec(key: string): FieldSpec | undefined {
	return BY_KEY.get(key);
}

/** The fields a layout offers, session fields first. */
export function layoutFields(layout: Layout): readonly FieldSpec[] {
	return layout === 'long' ? [...SESSION_FIELD_SPECS, ...LONG_FIELD_SPECS] : [...SESSION_FIELD_SPECS, ...WIDE_FIELD_SPECS];
}

/** A long-layout score as the Measurement schema sees it, for checking value ranges and ROM rules together. */
export function checkLongMeasurement(m: { instrument: string; timepoint: string; value: number; rom_movement: string | null; side: string | null }) {
	return Measurement.safeParse({ session_id: ANY_SESSION, ...m }, { reportInput: true });
}
