import { describe, expect, it } from 'vitest';
import { kAnonymousClients, type ClientGroupRow } from '$lib/export';

const group = (client_id: string, clinic_id: string, rows = 2): ClientGroupRow => ({
	client_id, age_band: '40-49', sex: 'female', primary_condition: 'neck_pain', first_visit: '2025-Q1', clinic_id, rows
});

describe('kAnonymousClients', () => {
	it('keeps a combination of exactly k clients and leaves out one of k - 1', () => {
		const groups = [...['A', 'B', 'C', 'D', 'E'].map((id) => group(id, 'north')), ...['F', 'G', 'H', 'I'].map((id) => group(id, 'west', 3))];
		const result = kAnonymousClients(groups, 5);
		expect([...result.kept].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(result).toMatchObject({ clients: 5, rows: 10, leftOutClients: 4, leftOutRows: 12, combinations: 1 });
	});

	it('leaves out, in turn, clients whose group shrank when a client seen at two clinics left', () => {
		// A is at north and (alone) at west, so A goes; north is then B-E, four clients, so they go too.
		const groups = [...['A', 'B', 'C', 'D', 'E'].map((id) => group(id, 'north')), group('A', 'west', 1)];
		const result = kAnonymousClients(groups, 5);
		expect(result).toMatchObject({ clients: 0, rows: 0, leftOutClients: 5, leftOutRows: 11, combinations: 0 });
	});

	it('tells first-visit quarters apart', () => {
		const groups = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) => ({ ...group(id, 'north'), first_visit: i < 5 ? '2025-Q1' : '2025-Q2' }));
		const result = kAnonymousClients(groups, 5);
		expect([...result.kept].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(result).toMatchObject({ clients: 5, leftOutClients: 1, combinations: 1 });
	});

	it('treats a missing age band as its own value', () => {
		const groups = ['A', 'B', 'C', 'D', 'E'].map((id, i) => ({ ...group(id, 'north'), age_band: i === 0 ? null : '40-49' }));
		expect(kAnonymousClients(groups, 4)).toMatchObject({ clients: 4, leftOutClients: 1, leftOutRows: 2 });
	});
});
