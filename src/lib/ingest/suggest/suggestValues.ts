import { CONDITION_LABELS, CONDITIONS } from '$lib/domain/conditions';
import { INSTRUMENTS } from '$lib/domain/instruments';
import { ROM_MOVEMENTS } from '$lib/domain/romMovements';
import { TECHNIQUE_LABELS, TECHNIQUES } from '$lib/domain/techniques';
import { conditionLabel } from '$lib/domain/labels';
import { AGE_BANDS, RECODED_AGE_BANDS, RECODED_CONDITIONS, RECODED_SEXES, SEXES } from '$lib/schema/client';
import { SIDES, TIMEPOINTS } from '$lib/schema/measurement';
import { BODY_REGIONS, PRESSURES } from '$lib/schema/session';
import { ageBandOf } from './ageBand';
import { readMeasureWords, type MeasureWords } from './measureWords';
import { valueKey, words } from './normalise';
import { TECHNIQUE_FILLER, VALUE_SYNONYMS } from './synonyms';

/** A code a value can be mapped to, with the label a select box shows. */
export interface CanonicalValue {
	code: string;
	label: string;
}

const sentence = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replaceAll('_', ' ');
const listOf = (codes: readonly string[], label: (code: string) => string = sentence): CanonicalValue[] =>
	codes.map((code) => ({ code, label: label(code) }));

const TIMEPOINT_LABELS: Record<(typeof TIMEPOINTS)[number], string> = {
	pre: 'Pre (before the session)',
	post: 'Post (after the session)',
	intake: 'Intake (start of the course)',
	discharge: 'Discharge (end of the course)'
};

const TECHNIQUE_VALUES = listOf(TECHNIQUES, (c) => TECHNIQUE_LABELS[c as keyof typeof TECHNIQUE_LABELS]);

/**
 * The values a k-anonymous export recodes to (condition groups, 20-year bands, all): offered and kept when a file
 * writes them as codes, never suggested for a file's own words ("Headache" is still tension headache).
 */
const RECODED: Readonly<Record<string, CanonicalValue[]>> = {
	primary_condition: listOf(RECODED_CONDITIONS, conditionLabel),
	sex: listOf(RECODED_SEXES, () => 'All (recoded)'),
	age_band: listOf(RECODED_AGE_BANDS, (c) => (c === 'all' ? 'All ages (recoded)' : `${c} (recoded)`))
};

/** The fields with a controlled list, and the list. */
const CONTROLLED: Readonly<Record<string, CanonicalValue[]>> = {
	primary_technique: TECHNIQUE_VALUES,
	other_techniques: TECHNIQUE_VALUES,
	primary_condition: listOf(CONDITIONS, (c) => CONDITION_LABELS[c as keyof typeof CONDITION_LABELS]),
	sex: listOf(SEXES),
	age_band: listOf(AGE_BANDS, (c) => c),
	body_region: listOf(BODY_REGIONS),
	pressure: listOf(PRESSURES),
	instrument: INSTRUMENTS.map((i) => ({ code: i.code, label: i.label })),
	timepoint: listOf(TIMEPOINTS, (c) => TIMEPOINT_LABELS[c as keyof typeof TIMEPOINT_LABELS]),
	rom_movement: ROM_MOVEMENTS.map((m) => ({ code: m.code, label: m.label })),
	side: listOf(SIDES)
};

/** The codes a field allows, with labels, for a select box (recoded values last); empty for a field without a controlled list. */
export function canonicalValues(field: string): CanonicalValue[] {
	return [...(CONTROLLED[field] ?? []), ...(RECODED[field] ?? [])];
}

/** Which synonym list a field uses. */
const SYNONYM_LIST: Record<string, string> = { primary_technique: 'technique', other_techniques: 'technique' };

/** `valueKey` → code for a field: codes, then synonyms, then labels, then labels without their brackets. */
function lookupFor(field: string): Map<string, string> {
	const lookup = new Map<string, string>();
	const add = (key: string, code: string) => {
		if (key !== '' && !lookup.has(key)) lookup.set(key, code);
	};
	const values = CONTROLLED[field] ?? [];
	for (const { code } of values) add(words(code).join(' '), code);
	for (const [key, code] of VALUE_SYNONYMS[SYNONYM_LIST[field] ?? field] ?? []) add(key, code);
	for (const { code, label } of values) add(words(label).join(' '), code);
	for (const { code, label } of values) add(valueKey(label, 'all'), code);
	return lookup;
}

const LOOKUPS = new Map(Object.keys(CONTROLLED).map((field) => [field, lookupFor(field)]));

/** The keys a value is looked up by: as written, without unit brackets, without any brackets, without filler. */
function keysOf(field: string, value: string): string[] {
	const keys = [words(value).join(' '), valueKey(value, 'units'), valueKey(value, 'all')];
	if (field === 'primary_technique' || field === 'other_techniques') {
		keys.push(...keys.map((k) => k.split(' ').filter((w) => !TECHNIQUE_FILLER.has(w)).join(' ')));
	}
	return keys.filter((k) => k !== '');
}

/** What a measurement field's value says when read as words, if it says only that. */
const BY_MEASURE_WORDS: Record<string, (read: MeasureWords) => string | null> = {
	instrument: (r) => (r.timepoint === null && r.side === null && r.rom_movement === null ? r.instrument : null),
	timepoint: (r) => (r.instrument === null && r.side === null && r.rom_movement === null ? r.timepoint : null),
	rom_movement: (r) => (r.timepoint === null && r.side === null ? r.rom_movement : null),
	side: (r) => (r.instrument === null && r.timepoint === null && r.rom_movement === null ? r.side : null)
};

function codeFor(field: string, value: string): string | null {
	if (RECODED[field]?.some((r) => r.code === value)) return value;
	if (field === 'age_band') return ageBandOf(value);
	const lookup = LOOKUPS.get(field)!;
	for (const key of keysOf(field, value)) {
		const code = lookup.get(key);
		if (code !== undefined) return code;
	}
	const read = BY_MEASURE_WORDS[field];
	if (!read) return null;
	const measure = readMeasureWords(valueKey(value, 'units').split(' ').filter((w) => w !== ''));
	return measure ? read(measure) : null;
}

/**
 * A first translation of a column's values to the app's codes, for a field with a controlled list (other
 * techniques one item at a time): by code, label, abbreviation and common synonyms ("DT" → deep_tissue, "47" →
 * 40-49). Keys are the values as written, trimmed; a value it cannot place is left out for the person to map.
 */
export function suggestValueMap(field: string, fileValues: string[]): Record<string, string> {
	if (!(field in CONTROLLED)) return {};
	const map: Record<string, string> = {};
	for (const raw of fileValues) {
		const value = raw.trim();
		if (value === '' || Object.hasOwn(map, value)) continue;
		const code = codeFor(field, value);
		if (code !== null) map[value] = code;
	}
	return map;
}
