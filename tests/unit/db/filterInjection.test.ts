import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '$lib/db';
import {
	MEASURES,
	NO_FILTER,
	queryConditionClients,
	queryCourseKpis,
	queryKpis,
	queryOverviewScan,
	type OutcomeFilter
} from '$lib/queries';
import { queryDoseResponse } from '$lib/queries/doseResponse';
import { queryRetention } from '$lib/queries/retention';
import { queryRomOutcomes } from '$lib/queries/romOutcomes';
import { querySessionCurves } from '$lib/queries/sessionCurves';
import { queryTechniqueCells, queryTechniqueWithin } from '$lib/queries/techniqueOutcomes';
import { queryTherapistOutcomes } from '$lib/queries/therapistOutcomes';
import { openDemoDatabase } from '../../support/demoDataset';

/**
 * Filter values are data, never SQL: each of these, put in every filter a page passes to its queries, selects
 * nothing (it matches no code), runs nothing, and leaves the data as they were. Were a value spliced into the SQL,
 * the first would select every session and the others would fail or change the tables.
 */
const PAYLOADS = [
	`swedish' OR '1'='1`,
	`x'); COPY sessions TO 'leak.csv'; --`,
	`' UNION SELECT content FROM read_text('/etc/passwd') --`,
	`neck_pain"; DROP TABLE sessions; --`,
	`'; ATTACH 'x.duckdb' AS x; INSTALL httpfs; LOAD httpfs; --`,
	`$1`,
	`?`,
	`\\'; SELECT 1; --`
];

const pain = MEASURES.find((m) => m.key === 'pain')!;

describe('hostile filter values', () => {
	let db: Connector;
	const sessionCount = async () => (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sessions'))[0].n;
	beforeAll(async () => {
		db = await openDemoDatabase();
	});
	afterAll(() => db.close());

	test.each(PAYLOADS)('%s selects nothing on any page, and the data are unchanged', async (value) => {
		const filter: OutcomeFilter = { ...NO_FILTER, techniques: [value], conditions: [value], therapists: [value], clinics: [value] };
		for (const only of ['techniques', 'conditions', 'therapists', 'clinics'] as const) {
			const one: OutcomeFilter = { ...NO_FILTER, [only]: [value] };
			expect((await queryKpis(db, one)).sessions, only).toBe(0);
			expect((await queryOverviewScan(db, one, 'pre')).kpis.sessions, only).toBe(0);
		}
		expect((await queryCourseKpis(db, filter)).courseClients).toBe(0);
		expect(await queryConditionClients(db, filter)).toEqual([]);
		expect(await queryTechniqueCells(db, pain, 'last_pre', filter)).toEqual([]);
		expect(await queryTechniqueWithin(db, pain, filter)).toEqual([]);
		expect(await queryRomOutcomes(db, filter, 'last_pre')).toEqual([]);
		expect(await querySessionCurves(db, value, pain)).toEqual([]);
		expect(await queryRetention(db, value, pain)).toEqual([]);
		expect(await queryDoseResponse(db, value, pain)).toEqual([]);
		const therapists = await queryTherapistOutcomes(db, { measure: 'pain', condition: value, clinic: value });
		expect(therapists.therapists).toEqual([]);
		expect(await sessionCount()).toBe(15366);
	});

	test('a month that is not YYYY-MM is refused before any SQL is built', async () => {
		await expect(queryKpis(db, { ...NO_FILTER, from: `2025-01' OR '1'='1` })).rejects.toThrow(/invalid month/);
		await expect(queryKpis(db, { ...NO_FILTER, to: `'; DROP TABLE sessions; --` })).rejects.toThrow(/invalid month/);
		expect(await sessionCount()).toBe(15366);
	});
});
