import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '$lib/domain/conditions';
import { INSTRUMENT_CODES } from '$lib/domain/instruments';
import { TECHNIQUES } from '$lib/domain/techniques';
import { adaptFhir, looksLikeFhir } from '$lib/ingest/adapters';
import { referenceId } from '$lib/ingest/adapters/fhir';
import { ImportFileError } from '$lib/ingest/importFileError';
import { LONG_MEASURE_FIELDS, SESSION_FIELDS, WIDE_MEASURES } from '$lib/ingest/importFields';
import { FHIR_PRESET, SHIPPED_PRESETS } from '$lib/ingest/presets';
import type { TextTable } from '$lib/ingest/textTable';
import { TIMEPOINTS } from '$lib/schema/measurement';

const dir = 'tests/fixtures/import/fhir/';
const TYPES = ['Patient', 'Encounter', 'Procedure', 'Condition', 'Observation', 'QuestionnaireResponse'];
const file = (name: string) => ({ name, text: readFileSync(dir + name, 'utf8') });
const separate = TYPES.map((t) => file(`${t}.ndjson`));
const table = adaptFhir(separate);

/** The rows of one encounter as "instrument timepoint value". */
function scoresOf(t: TextTable, encounter: string): string[] {
	return t.rows.filter((r) => r[1] === encounter).map((r) => `${r[8]} ${r[9]} ${r[10]}`);
}

function rowsOf(t: TextTable, encounter: string) {
	return t.rows.filter((r) => r[1] === encounter).map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** A line of NDJSON. */
const line = (resource: object) => JSON.stringify(resource);

describe('recognising FHIR NDJSON', () => {
	it('by a first line that is a resource', () => {
		expect(looksLikeFhir(separate[1].text)).toBe(true);
		expect(looksLikeFhir('\uFEFF\n\n  {"resourceType":"Patient","id":"p1"}\n')).toBe(true);
		expect(looksLikeFhir('record_id,redcap_event_name\n1,intake_arm_1\n')).toBe(false);
		expect(looksLikeFhir('{\n  "resourceType": "Bundle"\n}\n')).toBe(false);
		expect(looksLikeFhir('{"id":"p1"}\n')).toBe(false);
		expect(looksLikeFhir('')).toBe(false);
	});
});

describe('a FHIR Bulk Data export, one file per resource type', () => {
	it('gives one row per score in the long layout', () => {
		expect(table.headers).toEqual(['patient', 'encounter', 'date', 'practitioner', 'organization', 'technique', 'other_techniques', 'condition', 'instrument', 'timepoint', 'value']);
		// 30 encounters: pain pre and post (one post without a value), stress pre and post (one post unanswered),
		// sleep before 26 of them (the QuestionnaireResponses), PSQI at two first visits.
		expect(table.rows).toHaveLength(146);
		const counts: Record<string, number> = {};
		for (const r of table.rows) counts[`${r[8]} ${r[9]}`] = (counts[`${r[8]} ${r[9]}`] ?? 0) + 1;
		expect(counts).toEqual({ 'pain_nrs pre': 30, 'pain_nrs post': 29, 'stress_nrs pre': 30, 'stress_nrs post': 29, 'sleep_nrs pre': 26, 'psqi pre': 2 });
		expect(new Set(table.rows.map((r) => r[1])).size).toBe(30);
		expect(new Set(table.rows.map((r) => r[0])).size).toBe(6);
		expect(table.preset).toBe('FHIR');
	});

	it('takes the session from the Encounter, the technique from its Procedures, the condition from the Condition', () => {
		expect(rowsOf(table, 'enc-1002')[0]).toEqual({
			patient: '3f6c2a9e8b1d4c7e9a521d0e7b4f6a21', encounter: 'enc-1002', date: '2025-01-22', practitioner: 'prac-a7', organization: 'org-ldn-east',
			technique: 'Deep tissue massage', other_techniques: 'Trigger point therapy', condition: 'Low back pain',
			instrument: 'pain_nrs', timepoint: 'pre', value: '6'
		});
		// No Procedure: the technique comes from Encounter.type.
		expect(rowsOf(table, 'enc-1019')[0]).toMatchObject({ technique: 'Swedish massage', other_techniques: null, condition: 'Osteoarthritis' });
		// The earliest recorded Condition, though a later one comes first in the file.
		expect(rowsOf(table, 'enc-1027')[0]).toMatchObject({ condition: 'Low back pain', practitioner: 'prac-b2' });
	});

	it('reads pain by LOINC 72514-3 in either value form, stress by its text, the rest from questionnaire items', () => {
		// Post line before pre in the file: the times decide.
		expect(scoresOf(table, 'enc-1002')).toEqual(['pain_nrs pre 6', 'pain_nrs post 5', 'stress_nrs pre 6', 'stress_nrs post 3', 'sleep_nrs pre 5']);
		// An entered-in-error score between the two is not a score.
		expect(scoresOf(table, 'enc-1004').slice(0, 2)).toEqual(['pain_nrs pre 5', 'pain_nrs post 3']);
		// The post Observation has no value: the lone pre stays pre. The QuestionnaireResponse's post has no answer.
		expect(scoresOf(table, 'enc-1009')).toEqual(['pain_nrs pre 5', 'stress_nrs pre 3', 'stress_nrs post 1', 'sleep_nrs pre 6']);
		expect(scoresOf(table, 'enc-1010')).toEqual(['pain_nrs pre 4', 'pain_nrs post 2', 'stress_nrs pre 3', 'sleep_nrs pre 7']);
		// valueInteger (the west clinic) and a PSQI item at the first visit.
		expect(scoresOf(table, 'enc-1012')).toEqual(['pain_nrs pre 6', 'pain_nrs post 4', 'stress_nrs pre 8', 'stress_nrs post 5', 'sleep_nrs pre 4', 'psqi pre 11']);
		// Observations coded only by text: "Stress (0-10)".
		expect(scoresOf(table, 'enc-1027')).toEqual(['pain_nrs pre 7', 'pain_nrs post 6', 'stress_nrs pre 6', 'stress_nrs post 3']);
	});

	it('counts what it skipped and says how timepoints were decided', () => {
		expect(table.notes).toEqual([
			'Resources read: 6 Patient, 30 Encounter, 45 Procedure, 7 Condition, 73 Observation, 26 QuestionnaireResponse',
			'Patient resources: only their ids are used; names, birth dates, addresses and contact details are not read',
			'4 Observations with LOINC 8867-4 skipped: not an outcome the dashboard charts',
			'1 Observation skipped: entered in error',
			'1 Observation with LOINC 72514-3 skipped: no value',
			'26 QuestionnaireResponse items with linkId "comfort" skipped: not an outcome the dashboard charts',
			'Timepoints: of the scores of one instrument in one encounter, the earliest is "pre" and the latest "post"; 3 scores alone of their instrument in their encounter taken as "pre"',
			'1 patient has more than one Condition: the earliest recorded is used'
		]);
	});

	it('never outputs what identifies a patient, a therapist or a clinic by name', () => {
		const everything = [separate[0], file('bulk-export-mixed.ndjson')];
		const identifying = new Set<string>();
		for (const f of everything) {
			for (const text of f.text.split('\n').filter(Boolean)) {
				const r = JSON.parse(text);
				if (r.resourceType === 'Patient') {
					for (const n of r.name) [n.family, ...n.given].forEach((v: string) => identifying.add(v));
					for (const t of r.telecom) identifying.add(t.value);
					for (const i of r.identifier) identifying.add(i.value);
					for (const a of r.address) [...a.line, a.postalCode].forEach((v: string) => identifying.add(v));
					identifying.add(r.birthDate);
				}
				if (r.resourceType === 'Practitioner') {
					for (const n of r.name) [n.family, ...n.given].forEach((v: string) => identifying.add(v));
					for (const i of r.identifier) identifying.add(i.value);
				}
				if (r.resourceType === 'Organization') identifying.add(r.name);
			}
		}
		expect(identifying.size).toBeGreaterThan(60);
		const tables = [adaptFhir(separate), adaptFhir([file('bulk-export-mixed.ndjson')])];
		const output = JSON.stringify(tables);
		for (const value of identifying) expect(output, value).not.toContain(value);
		expect(JSON.stringify(tables.map((t) => t.rows))).not.toMatch(/female|\bmale\b|19\d\d-|200\d-/);
	});
});

describe('a FHIR Bulk Data export in one mixed file', () => {
	it('gives the same rows as the files per type', () => {
		const mixed = adaptFhir([file('bulk-export-mixed.ndjson')]);
		expect(mixed.rows).toEqual(table.rows);
		expect(mixed.notes).toContain('Not used: 3 Practitioner, 2 Organization');
		expect(mixed.source).toBe('bulk-export-mixed.ndjson');
	});
});

describe('FHIR details', () => {
	const encounter = { resourceType: 'Encounter', id: 'e1', status: 'finished', subject: { reference: 'Patient/p1' }, period: { start: '2025-04-01T09:00:00-04:00' } };
	const pain = (id: string, time: string, value: number) => ({
		resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
		subject: { reference: 'Patient/p1' }, encounter: { reference: 'Encounter/e1' }, effectiveDateTime: time, valueInteger: value
	});

	it('keeps the first and last of three scores and leaves out the one between', () => {
		const t = adaptFhir([{ name: 'x.ndjson', text: [encounter, pain('o3', '2025-04-01T09:50:00-04:00', 2), pain('o1', '2025-04-01T09:01:00-04:00', 7), pain('o2', '2025-04-01T09:30:00-04:00', 5)].map(line).join('\n') }]);
		expect(scoresOf(t, 'e1')).toEqual(['pain_nrs pre 7', 'pain_nrs post 2']);
		expect(t.notes?.at(-1)).toBe('Timepoints: of the scores of one instrument in one encounter, the earliest is "pre" and the latest "post"; 1 score between the first and the last left out');
	});

	it('dates a score whose encounter is not in the export by the score itself', () => {
		const t = adaptFhir([{ name: 'Observation.ndjson', text: line(pain('o1', '2025-04-01T21:30:00-04:00', 7)) }]);
		expect(t.rows).toEqual([['p1', 'e1', '2025-04-01', null, null, null, null, null, 'pain_nrs', 'pre', '7']]);
	});

	it('takes a timepoint a questionnaire item names, and reads a Bundle line', () => {
		const qr = {
			resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: 'Patient/p1' }, encounter: { reference: 'Encounter/e1' },
			item: [{ linkId: 'pain_nrs_post', answer: [{ valueDecimal: 2.5 }] }, { linkId: 'Sleep before', answer: [{ valueInteger: 6 }] }, { linkId: 'pss10', answer: [{ valueString: 'n/a' }] }]
		};
		const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: encounter }, { resource: qr }] };
		const t = adaptFhir([{ name: 'b.ndjson', text: line(bundle) + '\r\n' }]);
		expect(scoresOf(t, 'e1')).toEqual(['pain_nrs post 2.5', 'sleep_nrs pre 6']);
		expect(t.notes).toContain('1 QuestionnaireResponse item with linkId "pss10" skipped: no number as its answer');
	});

	it('reduces references to their id, made pseudonymous keys', () => {
		expect(referenceId({ reference: 'Patient/p123' })).toBe('p123');
		expect(referenceId({ reference: 'https://fhir.example.ca/r4/Patient/p123/_history/4' }, 'Patient')).toBe('p123');
		expect(referenceId({ reference: 'urn:uuid:3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21' })).toBe('3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21');
		expect(referenceId({ reference: 'Group/g1' }, 'Patient')).toBeNull();
		expect(referenceId(undefined)).toBeNull();
		const t = adaptFhir([{ name: 'x.ndjson', text: [{ ...encounter, subject: { reference: 'Patient/patient.with.dots.and.a.very.long.server.id' } }, pain('o1', '2025-04-01T09:01:00-04:00', 7)].map(line).join('\n') }]);
		expect(t.rows[0][0]).toBe('p1');
		for (const r of table.rows) for (const id of [r[0], r[1], r[3], r[4]]) expect(id).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
	});

	it('refuses a line that is not a resource, with the file and line', () => {
		const good = line(encounter);
		const broken = { name: 'Observation.ndjson', text: `${good}\n{"resourceType":"Observation","id":\n` };
		expect(() => adaptFhir([separate[0], broken])).toThrow(ImportFileError);
		expect(() => adaptFhir([broken])).toThrow(/^Observation\.ndjson: line 2 is not valid JSON \(.+\)\. A FHIR Bulk Data file has one whole resource on each line: export it again, or remove the broken line\.$/);
		expect(() => adaptFhir([{ name: 'Encounter.ndjson', text: `${good}\n\n[1,2]\n` }])).toThrow(
			'Encounter.ndjson: line 3 is JSON but not a FHIR resource (it has no "resourceType"). Upload the NDJSON files of a FHIR Bulk Data export.'
		);
	});
});

describe('the FHIR preset', () => {
	const allowed: Record<string, readonly string[]> = {
		primary_technique: TECHNIQUES,
		other_techniques: TECHNIQUES,
		primary_condition: CONDITIONS,
		instrument: INSTRUMENT_CODES,
		timepoint: TIMEPOINTS
	};
	const fieldNames = new Set<string>([...SESSION_FIELDS, ...LONG_MEASURE_FIELDS, ...WIDE_MEASURES.map((m) => m.key)]);

	it('maps every value to a canonical code and every field to a known field', () => {
		expect(SHIPPED_PRESETS).toEqual([expect.objectContaining({ name: 'REDCap' }), FHIR_PRESET, expect.objectContaining({ name: 'Researcher export' })]);
		expect(FHIR_PRESET.mapping.layout).toBe('long');
		for (const field of Object.keys(FHIR_PRESET.mapping.fields)) expect(fieldNames).toContain(field);
		for (const [field, values] of Object.entries(FHIR_PRESET.mapping.values)) {
			expect(Object.keys(allowed)).toContain(field);
			for (const code of Object.values(values)) expect(allowed[field]).toContain(code);
		}
	});

	it('fits the adapted export: every mapped column is there, every technique and condition has a code', () => {
		for (const source of Object.values(FHIR_PRESET.mapping.fields)) if ('column' in source) expect(table.headers).toContain(source.column);
		for (const [field, values] of Object.entries(FHIR_PRESET.mapping.values)) {
			const source = FHIR_PRESET.mapping.fields[field];
			if (!source || !('column' in source)) continue;
			const at = table.headers.indexOf(source.column);
			for (const v of new Set(table.rows.flatMap((r) => (r[at] ?? '').split(';')).filter(Boolean))) expect(values, `${field}: ${v}`).toHaveProperty([v]);
		}
		for (const r of table.rows) {
			expect(INSTRUMENT_CODES).toContain(r[8]);
			expect(TIMEPOINTS).toContain(r[9]);
		}
	});
});
