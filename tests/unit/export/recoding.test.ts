import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '$lib/domain/conditions';
import {
	AGE_HIERARCHY,
	CONDITION_GROUPS,
	CONDITION_HIERARCHY,
	TWENTY_YEAR_BANDS,
	chooseRecoding,
	coarsenedText,
	firstVisitHierarchy,
	recodingLattice,
	recodingText,
	type ClientGroupRow
} from '$lib/export';

const client = (client_id: string, overrides: Partial<ClientGroupRow> = {}): ClientGroupRow => ({
	client_id,
	age_band: '40-49',
	sex: 'female',
	primary_condition: 'neck_pain',
	first_visit: '2025-Q1',
	clinic_id: null,
	rows: 2,
	...overrides
});
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('generalization hierarchies', () => {
	it('pairs the 10-year bands into 20-year bands, 80+ staying top-coded in the last', () => {
		expect(Object.fromEntries(TWENTY_YEAR_BANDS)).toEqual({
			'18-29': '18-39',
			'30-39': '18-39',
			'40-49': '40-59',
			'50-59': '40-59',
			'60-69': '60+',
			'70-79': '60+',
			'80+': '60+'
		});
		expect([0, 1, 2].map((level) => AGE_HIERARCHY.generalize('80+', level))).toEqual(['80+', '60+', 'all']);
		expect([0, 1, 2].map((level) => AGE_HIERARCHY.generalize(null, level))).toEqual([null, null, 'all']);
		expect([0, 1, 2].map((level) => AGE_HIERARCHY.leaves('70-79', level))).toEqual([1, 3, 7]);
	});

	it('puts every condition in exactly one group', () => {
		const grouped = Object.values(CONDITION_GROUPS).flatMap((g) => g.conditions);
		expect([...grouped].sort()).toEqual([...CONDITIONS].sort());
		expect([0, 1, 2].map((level) => CONDITION_HIERARCHY.generalize('insomnia', level))).toEqual(['insomnia', 'mental_health_sleep', 'all']);
		expect(CONDITION_HIERARCHY.leaves('neck_pain', 1)).toBe(6);
	});

	it('first visit: quarter → year → all, over the quarters the export spans', () => {
		const h = firstVisitHierarchy(['2024-Q4', '2026-Q1', '2025-Q3']);
		expect(h.domain).toBe(6);
		expect([0, 1, 2].map((level) => h.generalize('2025-Q2', level))).toEqual(['2025-Q2', '2025', 'all']);
		expect(['2024-Q4', '2025-Q2', '2026-Q1'].map((q) => h.leaves(q, 1))).toEqual([1, 4, 1]);
		expect(h.leaves('2025-Q2', 2)).toBe(6);
	});

	it('the lattice has every combination of levels once, finest first', () => {
		const lattice = recodingLattice({ age_band: AGE_HIERARCHY, sex: { ...AGE_HIERARCHY, levels: ['a', 'b'] }, condition: CONDITION_HIERARCHY, first_visit: firstVisitHierarchy(['2025-Q1']) });
		expect(lattice).toHaveLength(54);
		expect(new Set(lattice.map((r) => JSON.stringify(r))).size).toBe(54);
		expect(lattice[0]).toEqual({ age_band: 0, sex: 0, condition: 0, first_visit: 0 });
		expect(lattice.at(-1)).toEqual({ age_band: 2, sex: 1, condition: 2, first_visit: 2 });
	});

	it('says a recoding in words', () => {
		const recoding = { age_band: 1, sex: 0, condition: 1, first_visit: 2 };
		expect(recodingText(recoding)).toBe('age in 20-year bands, sex as recorded, condition group and no first visit (all)');
		expect(coarsenedText(recoding)).toBe('age, condition and first visit');
		expect(coarsenedText({ age_band: 0, sex: 0, condition: 0, first_visit: 0 })).toBeNull();
	});
});

describe('chooseRecoding', () => {
	it('leaves out a few clients rather than coarsen everyone, within the suppression limit', () => {
		// 38 women and 2 men: leaving the 2 men out (5% of 40) loses less than coarsening everyone's sex.
		const groups = [...ids('F', 38).map((id) => client(id)), ...ids('M', 2).map((id) => client(id, { sex: 'male' }))];
		const chosen = chooseRecoding(groups, 5);
		expect(chosen).toMatchObject({ clients: 38, leftOutClients: 2, leftOutRows: 4, recoding: { age_band: 0, sex: 0, condition: 0, first_visit: 0 }, withinLimit: true });
		expect(chosen.informationLoss).toBeCloseTo(2 / 40, 10);
	});

	it('coarsens when leaving out would pass the limit', () => {
		// 3 men of 41 are more than 5%: sex goes to `all`, and everyone is kept.
		const groups = [...ids('F', 38).map((id) => client(id)), ...ids('M', 3).map((id) => client(id, { sex: 'male' }))];
		expect(chooseRecoding(groups, 5)).toMatchObject({ clients: 41, leftOutClients: 0, recoding: { age_band: 0, sex: 1, condition: 0, first_visit: 0 } });
	});

	it('prefers the cheaper coarsening: 20-year bands over dropping the first-visit quarter', () => {
		// Half 40-49 and half 50-59, and quarters split the same way within each: 20-year bands merge them by
		// age (loss 2 × 1/6, of weights summing to 8) and the year would merge the quarters (1 × 3/7: 8 quarters span).
		const groups = [
			...ids('A', 3).map((id) => client(id, { age_band: '40-49', first_visit: '2025-Q1' })),
			...ids('B', 3).map((id) => client(id, { age_band: '50-59', first_visit: '2025-Q1' })),
			...ids('C', 3).map((id) => client(id, { age_band: '40-49', first_visit: '2026-Q4' })),
			...ids('D', 3).map((id) => client(id, { age_band: '50-59', first_visit: '2026-Q4' }))
		];
		const chosen = chooseRecoding(groups, 6);
		expect(chosen).toMatchObject({ clients: 12, combinations: 2, recoding: { age_band: 1, sex: 0, condition: 0, first_visit: 0 } });
		expect(chosen.informationLoss).toBeCloseTo((2 * (1 / 6)) / 8, 10);
	});

	it('holds k for every clinic a client was seen at, leaving out in turn the clients whose group shrank', () => {
		// A is at north and (alone) at west: no recoding of the other columns helps, as the clinic stays exact; A
		// goes, north is then 4 clients, so they go too.
		const groups = [...ids('N', 4).map((id) => client(id, { clinic_id: 'north' })), client('A', { clinic_id: 'north' }), client('A', { clinic_id: 'west', rows: 1 })];
		expect(chooseRecoding(groups, 5)).toMatchObject({ clients: 0, rows: 0, leftOutClients: 5, leftOutRows: 11, combinations: 0, informationLoss: 1 });
	});

	it('keeps everyone as stored when every combination already has k clients', () => {
		const chosen = chooseRecoding(ids('F', 11).map((id) => client(id)), 11);
		expect(chosen).toMatchObject({ clients: 11, leftOutClients: 0, informationLoss: 0, recoding: { age_band: 0, sex: 0, condition: 0, first_visit: 0 } });
	});
});
