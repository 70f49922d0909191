import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '$lib/domain/conditions';
import { TECHNIQUES } from '$lib/domain/techniques';
import { adaptRedcap, isRedcapDictionary } from '$lib/ingest/adapters';
import { LONG_MEASURE_FIELDS, SESSION_FIELDS, WIDE_MEASURES } from '$lib/ingest/importFields';
import { ImportFileError } from '$lib/ingest/importFileError';
import { REDCAP_PRESET, SHIPPED_PRESETS } from '$lib/ingest/presets';
import type { TextTable } from '$lib/ingest/textTable';
import { AGE_BANDS, SEXES } from '$lib/schema/client';
import { BODY_REGIONS, PRESSURES } from '$lib/schema/session';
import { parseCsv } from '../../../support/parseCsv';

const dir = 'tests/fixtures/import/redcap/';
const read = (name: string) => parseCsv(readFileSync(dir + name, 'utf8'), name);
const dictionary = read('massage_outcomes_DataDictionary.csv');
const records = read('massage_outcomes_records.csv');

/** A row of an adapted table as header → cell. */
function rowOf(table: TextTable, key: string): Record<string, string | null> {
	const row = table.rows.find((r) => r[0] === key);
	if (!row) throw new Error(`no row ${key}`);
	return Object.fromEntries(table.headers.map((h, i) => [h, row[i]]));
}

describe('the REDCap data dictionary', () => {
	it('is recognised by its headers, with or without a byte-order mark and blanks', () => {
		expect(dictionary.headers).toHaveLength(18);
		expect(isRedcapDictionary(dictionary)).toBe(true);
		expect(isRedcapDictionary({ headers: ['\uFEFFVariable / Field Name', ' Form Name ', 'Section Header', 'Field Type', 'Field Label', 'Choices, Calculations, OR Slider Labels', 'Field Note', 'Identifier?'] })).toBe(true);
		expect(isRedcapDictionary({ headers: ['field_name', 'form_name', 'section_header', 'field_type', 'field_label', 'select_choices_or_calculations', 'identifier'] })).toBe(true);
		expect(isRedcapDictionary(records)).toBe(false);
		expect(isRedcapDictionary({ headers: ['Variable / Field Name', 'Form Name', 'Field Label'] })).toBe(false);
	});

	it('ships as the template a clinic uploads to REDCap, the same as the fixture', () => {
		expect(readFileSync('static/templates/redcap-massage-outcomes-dictionary.csv', 'utf8')).toBe(readFileSync(dir + 'massage_outcomes_DataDictionary.csv', 'utf8'));
	});
});

describe('a longitudinal REDCap project with a repeating session instrument', () => {
	const table = adaptRedcap(records, dictionary);

	it('gives one row per session instance, with a pseudonymous session key', () => {
		expect(records.rows).toHaveLength(49);
		expect(table.rows).toHaveLength(40);
		expect(table.headers).toEqual([
			'session_key', 'record_id', 'redcap_event_name', 'redcap_repeat_instance', 'chart_no', 'age_band', 'sex', 'condition',
			'visit_date', 'clinic', 'therapist', 'duration', 'primary_tech', 'other_tech', 'region', 'pressure',
			'pain_pre', 'pain_post', 'stress_pre', 'stress_post', 'sleep_pre', 'soreness'
		]);
		const keys = table.rows.map((r) => r[0]!);
		expect(new Set(keys).size).toBe(40);
		for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
		expect(keys.slice(0, 3)).toEqual(['1-treatment_arm_1-1', '1-treatment_arm_1-2', '1-treatment_arm_1-3']);
		expect(table.preset).toBe('REDCap');
		expect(table.source).toBe('massage_outcomes_records.csv');
	});

	it('turns codes into labels and carries the intake form onto each session', () => {
		expect(rowOf(table, '1-treatment_arm_1-1')).toEqual({
			session_key: '1-treatment_arm_1-1', record_id: '1', redcap_event_name: 'treatment_arm_1', redcap_repeat_instance: '1',
			chart_no: 'MT-20417', age_band: '50-59', sex: 'Female', condition: 'Chronic low back pain',
			visit_date: '2025-01-14', clinic: 'LDN1', therapist: 'T02', duration: '60', primary_tech: 'Deep tissue', other_tech: 'Trigger point',
			region: 'Low back', pressure: 'Moderate', pain_pre: '7', pain_post: '5', stress_pre: '6', stress_post: '5', sleep_pre: '5', soreness: null
		});
		const last = rowOf(table, '8-treatment_arm_1-4');
		expect([last.age_band, last.sex, last.condition]).toEqual(['40-49', 'Other', 'Fibromyalgia']);
		expect([last.primary_tech, last.other_tech, last.region, last.pressure, last.soreness]).toEqual(['Myofascial release', 'Stretching / PNF;Hydrotherapy', 'Full body', 'Deep', 'No']);
	});

	it('joins checked options with ";" and leaves a session with none checked blank', () => {
		expect(rowOf(table, '3-treatment_arm_1-2').other_tech).toBe('Trigger point;Stretching / PNF');
		expect(rowOf(table, '4-treatment_arm_1-3').other_tech).toBeNull();
		expect(rowOf(table, '3-treatment_arm_1-2').pain_post).toBeNull();
	});

	it('takes field labels without their HTML as header labels', () => {
		expect(table.headerLabels).toMatchObject({
			pain_pre: 'Pain before treatment (0-10)',
			age_band: 'Age band',
			other_tech: 'Other techniques used',
			session_key: 'Session (record, event and instance)'
		});
	});

	it('flags fields marked as identifiers and keeps them for the guard to refuse', () => {
		expect(table.flaggedIdentifiers).toEqual({ chart_no: 'marked as an identifier in the REDCap data dictionary' });
		expect(table.headers).toContain('chart_no');
	});

	it('drops form-status columns and says what it did', () => {
		expect(table.headers.filter((h) => h.endsWith('_complete'))).toEqual([]);
		expect(table.notes).toEqual([
			'40 sessions from 8 records: one row per instance of the repeating instrument "session"; the record\'s other fields are carried onto each of its sessions',
			'1 record with no session left out: 9',
			'1 checkbox field joined into one column each, the checked options separated by ";": other_tech',
			'2 form-status columns dropped: intake_complete, session_complete'
		]);
	});

	it('refuses records whose columns are not in the dictionary, naming them', () => {
		const renamed = { ...records, headers: records.headers.map((h) => (h === 'pain_pre' ? 'pain_before' : h === 'sleep_pre' ? 'sleep' : h)) };
		expect(() => adaptRedcap(renamed, dictionary)).toThrow(ImportFileError);
		expect(() => adaptRedcap(renamed, dictionary)).toThrow(
			'massage_outcomes_records.csv: 2 columns are not in the data dictionary massage_outcomes_DataDictionary.csv: pain_before, sleep. Export the records with raw variable names as headers, and the data dictionary of the same REDCap project, then upload both again.'
		);
		const noId = { ...records, headers: records.headers.map((h) => (h.endsWith('record_id') ? 'id' : h)) };
		expect(() => adaptRedcap(noId, dictionary)).toThrow('massage_outcomes_records.csv: there is no "record_id" column');
		expect(() => adaptRedcap(records, records)).toThrow('massage_outcomes_records.csv: this is not a REDCap data dictionary');
	});
});

describe('a longitudinal REDCap project with one event per visit', () => {
	const table = adaptRedcap(read('massage_visits_records.csv'), read('massage_visits_DataDictionary.csv'));

	it('gives one row per record and visit event, the enrolment event carried onto each', () => {
		expect(table.rows).toHaveLength(11);
		expect(table.headers).toEqual([
			'session_key', 'study_id', 'redcap_event_name', 'age_group', 'gender', 'dx', 'consent', 'visit_dt', 'rmt', 'technique', 'adjuncts', 'nprs_before', 'nprs_after'
		]);
		expect(table.rows.map((r) => r[0])).toContain('104-visit_3_arm_1');
		expect(rowOf(table, '102-visit_2_arm_1')).toEqual({
			session_key: '102-visit_2_arm_1', study_id: '102', redcap_event_name: 'visit_2_arm_1', age_group: '60-69', gender: 'Male',
			dx: 'Chronic low back pain', consent: 'Yes', visit_dt: '2025-05-15', rmt: 'T02', technique: 'Deep tissue', adjuncts: 'Trigger point',
			nprs_before: '6', nprs_after: '5'
		});
		expect(table.notes?.[0]).toBe('11 sessions from 4 records: one row per record and event with data in "visit"; the record\'s other fields are carried onto each of its sessions');
	});

	it('reads checkbox columns of codes with underscores and negatives as REDCap names them', () => {
		expect(rowOf(table, '102-visit_1_arm_1').adjuncts).toBe('Trigger point;Hydrotherapy');
		expect(rowOf(table, '101-visit_3_arm_1').adjuncts).toBe('None');
		expect(rowOf(table, '104-visit_3_arm_1').adjuncts).toBeNull();
		expect(table.flaggedIdentifiers).toEqual({});
	});
});

describe('REDCap details', () => {
	const dict = (rows: (string | null)[][]): TextTable => ({
		source: 'dd.csv',
		headers: ['Variable / Field Name', 'Form Name', 'Section Header', 'Field Type', 'Field Label', 'Choices, Calculations, OR Slider Labels', 'Field Note', 'Identifier?'],
		rows: rows.map((r) => [r[0], r[1], null, r[2], r[3], r[4] ?? null, null, r[5] ?? null])
	});

	it('handles a classic project, label exports and keys too long to be ids', () => {
		const dd = dict([
			['participant', 'f', 'text', 'ID'],
			['mood', 'f', 'radio', 'Mood', '-1, Unknown | 1, Good | 2, Bad'],
			['email', 'f', 'text', 'Email', null, 'y']
		]);
		const table = adaptRedcap(
			{ source: 'r.csv', headers: ['participant', 'mood', 'email', 'f_complete'], rows: [['A1', '-1', 'x@y.ca', '2'], ['participant number 2 of the pilot study', 'Good', null, '0'], ['A3', '7', null, '2']] },
			dd
		);
		expect(table.headers).toEqual(['session_key', 'participant', 'mood', 'email']);
		expect(table.rows.map((r) => r.slice(2))).toEqual([['Unknown', 'x@y.ca'], ['Good', null], ['7', null]]);
		expect(table.rows[0][0]).toBe('A1');
		expect(table.rows[1][0]).toMatch(/^participant_num-[0-9a-f]{16}$/);
		expect(table.flaggedIdentifiers).toEqual({ email: 'marked as an identifier in the REDCap data dictionary' });
		expect(table.notes).toContain('1 value of mood not among its choices in the data dictionary: kept as written');
	});
});

describe('the REDCap preset', () => {
	const allowed: Record<string, readonly string[]> = {
		primary_technique: TECHNIQUES,
		other_techniques: TECHNIQUES,
		primary_condition: CONDITIONS,
		sex: SEXES,
		age_band: AGE_BANDS,
		body_region: BODY_REGIONS,
		pressure: PRESSURES
	};
	const fieldNames = new Set<string>([...SESSION_FIELDS, ...LONG_MEASURE_FIELDS, ...WIDE_MEASURES.map((m) => m.key)]);

	it('maps every value to a canonical code and every field to a known field', () => {
		expect(SHIPPED_PRESETS).toContain(REDCAP_PRESET);
		expect(REDCAP_PRESET.mapping.layout).toBe('wide');
		for (const field of Object.keys(REDCAP_PRESET.mapping.fields)) expect(fieldNames).toContain(field);
		for (const [field, values] of Object.entries(REDCAP_PRESET.mapping.values)) {
			expect(Object.keys(allowed)).toContain(field);
			for (const code of Object.values(values)) expect(allowed[field]).toContain(code);
		}
	});

	it('fits the adapted template export: every mapped column is there, every label has a code', () => {
		const table = adaptRedcap(records, dictionary);
		for (const source of Object.values(REDCAP_PRESET.mapping.fields)) {
			if ('column' in source) expect(table.headers).toContain(source.column);
		}
		for (const [field, values] of Object.entries(REDCAP_PRESET.mapping.values)) {
			const source = REDCAP_PRESET.mapping.fields[field];
			if (!source || !('column' in source)) continue;
			const at = table.headers.indexOf(source.column);
			const seen = new Set(table.rows.flatMap((r) => (r[at] ?? '').split(';')).filter((v) => v !== ''));
			for (const label of seen) expect(values, `${field}: ${label}`).toHaveProperty([label]);
		}
	});
});
