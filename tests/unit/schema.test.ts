import { describe, expect, it } from 'vitest';
import { Client, Measurement, Session, Therapist, tableColumns, validateRow } from '$lib/schema';

const session = {
	session_id: 'S1', client_id: 'C01', therapist_id: 'T01', clinic_id: 'north', session_date: '2025-01-10',
	session_number: 1, duration_min: 60, primary_technique: 'swedish', other_techniques: 'stretching_pnf;hydrotherapy',
	body_region: 'neck', pressure: 'moderate', day_offset: 0
};
const pain = { session_id: 'S1', instrument: 'pain_nrs', timepoint: 'pre', value: 6, rom_movement: null, side: null };

describe('canonical schemas', () => {
	it('accept valid rows', () => {
		expect(validateRow(Client, { client_id: 'C01', age_band: '80+', sex: 'female', primary_condition: 'neck_pain' }).ok).toBe(true);
		expect(validateRow(Therapist, { therapist_id: 'T01', clinic_id: 'north' }).ok).toBe(true);
		expect(validateRow(Session, session).ok).toBe(true);
		expect(validateRow(Session, { ...session, other_techniques: null, body_region: null, pressure: null }).ok).toBe(true);
		expect(validateRow(Measurement, pain).ok).toBe(true);
		expect(validateRow(Measurement, { ...pain, instrument: 'rom', value: 64, rom_movement: 'cervical_rotation', side: 'left' }).ok).toBe(true);
	});

	it('reject a technique that is not on the list, naming field and value', () => {
		const result = validateRow(Session, { ...session, primary_technique: 'reiki' });
		expect(result).toEqual({
			ok: false,
			problems: [{ field: 'primary_technique', value: 'reiki', message: 'primary_technique: primary_technique is not a known technique code (got "reiki")' }]
		});
	});

	it('reject identifying values posing as ids', () => {
		const result = validateRow(Client, { client_id: 'jane.doe@example.com', age_band: '40-49', sex: 'female', primary_condition: 'neck_pain' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0].message).toMatch(/^client_id: client_id must be a pseudonymous code.*jane\.doe@example\.com/);
	});

	it('reject a score outside its instrument range, with the range in the message', () => {
		const result = validateRow(Measurement, { ...pain, value: 11 });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems).toEqual([{ field: 'value', value: 11, message: "value: value 11 is outside Pain (0-10)'s range 0-10 (got 11)" }]);
	});

	it('reject range of motion without a movement, and exact ages and bad dates', () => {
		const rom = validateRow(Measurement, { ...pain, instrument: 'rom', value: 60 });
		expect(!rom.ok && rom.problems.map((p) => p.field)).toEqual(['rom_movement', 'side']);
		const age = validateRow(Client, { client_id: 'C01', age_band: '47', sex: 'female', primary_condition: 'neck_pain' });
		expect(!age.ok && age.problems[0].message).toContain('age_band must be a 10-year band');
		const date = validateRow(Session, { ...session, session_date: '10/01/2025' });
		expect(!date.ok && date.problems[0]).toMatchObject({ field: 'session_date', value: '10/01/2025' });
	});

	it('accept what a k-anonymous export coarsened: no date, therapist or clinic; condition groups, 20-year bands and all', () => {
		const coarse = { ...session, therapist_id: null, clinic_id: null, session_date: null, day_offset: 12 };
		expect(validateRow(Session, coarse).ok).toBe(true);
		expect(validateRow(Therapist, { therapist_id: 'T01', clinic_id: null }).ok).toBe(true);
		for (const [age_band, sex, primary_condition] of [
			['18-39', 'all', 'musculoskeletal_pain'],
			['60+', 'female', 'headache'],
			['all', 'male', 'all'],
			[null, 'unknown', 'systemic_other']
		]) {
			expect(validateRow(Client, { client_id: 'C01', age_band, sex, primary_condition }).ok).toBe(true);
		}
	});

	it('still refuse a condition, age band or sex that is neither recorded nor recoded, with the clear message', () => {
		const condition = validateRow(Client, { client_id: 'C01', age_band: '40-59', sex: 'all', primary_condition: 'back stuff' });
		expect(condition).toEqual({
			ok: false,
			problems: [{ field: 'primary_condition', value: 'back stuff', message: 'primary_condition: primary_condition is not a known condition code (got "back stuff")' }]
		});
		const age = validateRow(Client, { client_id: 'C01', age_band: '20-39', sex: 'any', primary_condition: 'all' });
		expect(!age.ok && age.problems.map((p) => p.field)).toEqual(['age_band', 'sex']);
	});

	it('declare every column with a DuckDB type and a description', () => {
		expect(tableColumns(Session).map((c) => `${c.name}:${c.sqlType}`)).toEqual([
			'session_id:VARCHAR', 'client_id:VARCHAR', 'therapist_id:VARCHAR', 'clinic_id:VARCHAR', 'session_date:DATE',
			'session_number:INTEGER', 'duration_min:INTEGER', 'primary_technique:VARCHAR', 'other_techniques:VARCHAR',
			'body_region:VARCHAR', 'pressure:VARCHAR', 'day_offset:INTEGER'
		]);
		expect(tableColumns(Measurement).find((c) => c.name === 'rom_movement')).toMatchObject({ optional: true, sqlType: 'VARCHAR' });
		for (const schema of [Client, Therapist, Session, Measurement]) {
			for (const c of tableColumns(schema)) expect(c.description.length).toBeGreaterThan(10);
		}
	});
});

describe('data dictionary', () => {
	it('lists every canonical column with its type, description and allowed values, from the schemas', async () => {
		const { dataDictionary } = await import('$lib/schema');
		const tables = dataDictionary();
		expect(tables.map((t) => t.name)).toEqual(['clients', 'therapists', 'sessions', 'measurements']);
		const timepoint = tables[3].columns.find((c) => c.name === 'timepoint')!;
		expect(timepoint).toMatchObject({ sqlType: 'VARCHAR', optional: false, allowed: ['pre', 'post', 'intake', 'discharge'] });
		const pressure = tables[2].columns.find((c) => c.name === 'pressure')!;
		expect(pressure).toMatchObject({ optional: true, allowed: ['light', 'moderate', 'firm', 'deep'] });
		expect(tables[0].columns.find((c) => c.name === 'client_id')!.allowed).toBeNull();
	});
});
