import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { CONDITIONS } from '$lib/domain/conditions';
import { RECODED, SUPPRESSION_LIMIT, chooseRecoding, exportRows, type ClientGroupRow } from '$lib/export';
import { queryFilterOptions, type OutcomeFilter } from '$lib/queries';
import { AGE_BANDS, SEXES } from '$lib/schema';
import { openDemoDatabase } from '../../support/demoDataset';
import { cell, combinationSizes, daysByClient } from './exportChecks';

const ks = fc.integer({ min: 5, max: 25 });
const QUARTERS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'];
const CLINICS = ['north', 'central', 'west'];

/** A random client: stored quasi-identifiers, seen at one to three clinics (or with no clinic exported). */
const clientArbitrary = fc.record({
	age_band: fc.constantFrom(...AGE_BANDS, null),
	sex: fc.constantFrom(...SEXES),
	primary_condition: fc.constantFrom(...CONDITIONS.slice(0, 6)),
	first_visit: fc.constantFrom(...QUARTERS),
	clinics: fc.subarray(CLINICS, { minLength: 1 }),
	rows: fc.integer({ min: 1, max: 30 })
});

describe('chooseRecoding on random clients', () => {
	it('every kept client is in a combination of at least k kept clients at every clinic, and counts add up', () => {
		fc.assert(
			fc.property(fc.array(clientArbitrary, { maxLength: 120 }), ks, fc.boolean(), (clients, k, includeClinic) => {
				const groups: ClientGroupRow[] = clients.flatMap((c, i) =>
					(includeClinic ? c.clinics : [null]).map((clinic_id) => ({ client_id: `C${i}`, ...c, clinics: undefined, clinic_id }))
				);
				const chosen = chooseRecoding(groups, k);
				const members = new Map<string, Set<string>>();
				for (const g of groups.filter((g) => chosen.kept.has(g.client_id))) {
					const values = RECODED.map((qi) => chosen.hierarchies[qi].generalize(qi === 'condition' ? g.primary_condition : g[qi], chosen.recoding[qi]));
					const key = JSON.stringify([values, g.clinic_id]);
					members.set(key, (members.get(key) ?? new Set()).add(g.client_id));
				}
				expect([...members.values()].every((m) => m.size >= k)).toBe(true);
				expect(chosen.clients + chosen.leftOutClients).toBe(clients.length);
				expect(chosen.rows + chosen.leftOutRows).toBe(groups.reduce((sum, g) => sum + g.rows, 0));
				expect(chosen.combinations).toBe(members.size);
				if (chosen.withinLimit) expect(chosen.leftOutClients).toBeLessThanOrEqual(SUPPRESSION_LIMIT * clients.length);
			}),
			{ numRuns: 300 }
		);
	});
});

/** Random filters over the values the demo data hold, therapists included (the export must ignore them). */
async function demoFilters(db: Connector): Promise<fc.Arbitrary<OutcomeFilter>> {
	const options = await queryFilterOptions(db);
	const months = (await db.query<{ month: string }>(`SELECT DISTINCT strftime(month, '%Y-%m') AS month FROM session_facts ORDER BY 1`)).map((r) => r.month);
	const values = (list: { value: string }[], maxLength: number) => fc.subarray(list.map((o) => o.value), { maxLength });
	return fc.record({
		from: fc.option(fc.constantFrom(...months), { nil: null }),
		to: fc.option(fc.constantFrom(...months), { nil: null }),
		conditions: values(options.conditions, 3),
		techniques: values(options.techniques, 3),
		therapists: values(options.therapists, 3),
		clinics: values(options.clinics, 2)
	});
}

describe('exportRows on random filters of the demo data', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	}, 60_000);
	afterAll(() => db.close());

	it('the exported rows are k-anonymous over every quasi-identifier, for k from 5 to 25', async () => {
		await fc.assert(
			fc.asyncProperty(await demoFilters(db), ks, fc.boolean(), async (filter, k, includeClinic) => {
				const data = await exportRows(db, filter, k, { includeClinic });
				const sizes = combinationSizes(data, includeClinic);
				expect([...sizes.values()].every((n) => n >= k)).toBe(true);
				expect(sizes.size).toBe(data.privacy.combinations);
				expect(new Set(data.rows.map((r) => cell(data, r, 'client_id'))).size).toBe(data.privacy.clients);
				expect([...daysByClient(data).values()].every((days) => days[0] === 0)).toBe(true);
			}),
			{ numRuns: 15 }
		);
	}, 180_000);
});
