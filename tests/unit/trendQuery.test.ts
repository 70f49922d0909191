import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier, quoteLiteral, type Connector } from '$lib/db';
import { ALL_TECHNIQUES, filterWhere, MEASURES, measureExpression, queryOverviewScan, queryTrends, type OutcomeFilter, type Timepoint, type Trend } from '$lib/queries';
import { buildOverviewRollups, rollupsReady, usableRollups } from '$lib/queries/overviewRollups';
import { openDemoDatabase } from '../support/demoDataset';

/** The trends by their definition: a GROUPING SETS scan with a DISTINCT count per measure and level, and per-client means. */
async function trendsByDefinition(db: Connector, filter: OutcomeFilter, timepoint: Timepoint) {
	const where = filterWhere(filter);
	const columns = MEASURES.map((m) => {
		const value = measureExpression(m, timepoint);
		const name = (suffix: string) => quoteIdentifier(`${m.key}_${suffix}`);
		return `avg(${value}) AS ${name('mean')}, CAST(count(${value}) AS INTEGER) AS ${name('sessions')},
			CAST(count(DISTINCT client_id) FILTER (WHERE ${value} IS NOT NULL) AS INTEGER) AS ${name('clients')}`;
	});
	const rows = await db.query(
		`SELECT CASE WHEN grouping(month) = 1 THEN 'chart' WHEN grouping(primary_technique) = 1 THEN 'month' ELSE 'point' END AS level,
			strftime(month, '%Y-%m') AS month,
			CASE WHEN grouping(primary_technique) = 1 THEN ${quoteLiteral(ALL_TECHNIQUES)} ELSE primary_technique END AS technique,
			${columns.join(',\n')}
		FROM session_facts ${where.sql}
		GROUP BY GROUPING SETS ((month, primary_technique), (month), ())`,
		where.params
	);
	// Means are per client: each client's mean over their sessions in the point (or month), then over clients.
	const clientMeans = await Promise.all(
		MEASURES.map((m) => {
			const value = measureExpression(m, timepoint);
			const level = (kind: string, keys: string, technique: string) =>
				`SELECT ${quoteLiteral(kind)} AS level, month, ${technique} AS technique, avg(client_mean) AS mean
				FROM (SELECT ${keys}, client_id, avg(${value}) AS client_mean FROM session_facts ${where.sql} GROUP BY ALL HAVING count(${value}) > 0)
				GROUP BY ALL`;
			return db.query(
				`SELECT level, strftime(month, '%Y-%m') AS month, technique, mean FROM (
					${level('point', 'month, CAST(primary_technique AS VARCHAR) AS technique', 'technique')}
					UNION ALL ${level('month', 'month', quoteLiteral(ALL_TECHNIQUES))}
				)`,
				[...where.params, ...where.params]
			);
		})
	);
	return MEASURES.map((measure, i) => {
		const meanOf = (level: unknown, month: string, technique: string) =>
			clientMeans[i].find((r) => r.level === level && r.month === month && r.technique === technique)?.mean as number;
		const field = (row: Record<string, unknown>, suffix: string) =>
			suffix === 'mean' ? meanOf(row.level, row.month as string, row.technique as string) : (row[`${measure.key}_${suffix}`] as number);
		const chart = rows.find((r) => r.level === 'chart');
		const points = rows
			.filter((r) => r.level !== 'chart' && field(r, 'sessions') > 0)
			.map((r) => ({ month: r.month as string, technique: r.technique as string, mean: field(r, 'mean'), sessions: field(r, 'sessions'), clients: field(r, 'clients') }))
			.sort((a, b) => `${a.month}|${a.technique}`.localeCompare(`${b.month}|${b.technique}`));
		return { key: measure.key, points, clients: chart ? field(chart, 'clients') : 0, sessions: chart ? field(chart, 'sessions') : 0 };
	});
}

/** The trends' points, counts and means are the definition's. */
function expectDefinition(actual: Trend[], expected: Awaited<ReturnType<typeof trendsByDefinition>>) {
	for (const [i, trend] of actual.entries()) {
		const points = [...trend.rows].sort((a, b) => `${a.month}|${a.technique}`.localeCompare(`${b.month}|${b.technique}`));
		expect(points.map(({ mean, ...r }) => r)).toEqual(expected[i].points.map(({ mean, ...r }) => r));
		points.forEach((p, j) => expect(p.mean).toBeCloseTo(expected[i].points[j].mean, 10));
		expect([trend.clients, trend.sessions]).toEqual([expected[i].clients, expected[i].sessions]);
	}
}

const CONDITIONS = ['chronic_low_back_pain', 'neck_pain', 'fibromyalgia', 'insomnia'];
const TECHNIQUES = ['swedish', 'deep_tissue', 'trigger_point', 'hydrotherapy'];
const filters: fc.Arbitrary<OutcomeFilter> = fc.record({
	from: fc.option(fc.constantFrom('2024-12', '2025-06', '2026-01'), { nil: null }),
	to: fc.option(fc.constantFrom('2025-03', '2025-12', '2026-09'), { nil: null }),
	conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
	techniques: fc.subarray(TECHNIQUES, { maxLength: 2 }),
	therapists: fc.subarray(['T01', 'T03', 'T07', 'T11'], { maxLength: 2 }),
	clinics: fc.subarray(['north', 'central', 'west'], { maxLength: 1 })
});

describe('queryTrends', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	}, 60_000);
	afterAll(() => db.close());

	it('gives exactly the numbers of the definition (DISTINCT counts over the sessions) under any filter', async () => {
		await fc.assert(
			fc.asyncProperty(filters, fc.constantFrom<Timepoint>('pre', 'post', 'change'), async (filter, timepoint) => {
				const expected = await trendsByDefinition(db, filter, timepoint);
				const actual = await queryTrends(db, filter, timepoint);
				expectDefinition(actual, expected);
			}),
			{ numRuns: 30, seed: 20261125 }
		);
	}, 120_000);
});

/** Filters the rollups can answer in part or in whole: no therapist or clinic, sometimes no technique or months. */
const rollupFilters: fc.Arbitrary<OutcomeFilter> = fc.record({
	from: fc.option(fc.constantFrom('2024-12', '2025-06'), { nil: null, freq: 2 }),
	to: fc.option(fc.constantFrom('2025-03', '2025-12'), { nil: null, freq: 2 }),
	conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
	techniques: fc.oneof(fc.constant<string[]>([]), fc.subarray(TECHNIQUES, { maxLength: 2 })),
	therapists: fc.constant<string[]>([]),
	clinics: fc.constant<string[]>([])
});

describe('queryOverviewScan with the rollups built', () => {
	let sessions: Connector;
	let rolled: Connector;
	const steps: number[] = [];
	beforeAll(async () => {
		[sessions, rolled] = await Promise.all([openDemoDatabase(), openDemoDatabase()]);
		await buildOverviewRollups(rolled, (done) => steps.push(done));
	}, 60_000);
	afterAll(async () => {
		await sessions.close();
		await rolled.close();
	});

	it('builds four levels, reporting each, once per database', async () => {
		expect(steps).toEqual([1, 2, 3, 4, 5]);
		expect(rollupsReady(rolled)).toBe(true);
		expect(rollupsReady(sessions)).toBe(false);
		await buildOverviewRollups(rolled, (done) => steps.push(done));
		expect(steps).toEqual([1, 2, 3, 4, 5]);
		const [{ rows }] = await rolled.query<{ rows: number }>('SELECT CAST(count(*) AS INTEGER) AS rows FROM rollup_client');
		const [{ clients }] = await rolled.query<{ clients: number }>('SELECT CAST(count(DISTINCT client_id) AS INTEGER) AS clients FROM session_facts');
		expect(rows).toBe(clients);
	});

	it('uses a level only where the filter does not split its groups', () => {
		const none: OutcomeFilter = { from: null, to: null, techniques: [], conditions: [], therapists: [], clinics: [] };
		expect(usableRollups(none)).toEqual({ 0: true, 1: true, 2: true, 3: true, 4: true });
		expect(usableRollups({ ...none, conditions: ['neck_pain'] })).toEqual({ 0: true, 1: true, 2: true, 3: true, 4: true });
		expect(usableRollups({ ...none, from: '2025-01' })).toEqual({ 0: true, 1: true, 2: true, 3: false, 4: false });
		expect(usableRollups({ ...none, techniques: ['swedish'] })).toEqual({ 0: true, 1: true, 2: false, 3: false, 4: true });
		expect(usableRollups({ ...none, therapists: ['T01'] })).toEqual({ 0: true, 1: false, 2: false, 3: false, 4: false });
		expect(usableRollups({ ...none, clinics: ['north'] })).toEqual({ 0: true, 1: false, 2: false, 3: false, 4: false });
	});

	it('gives the numbers the sessions give, and the definition, under any filter', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(rollupFilters, filters), fc.constantFrom<Timepoint>('pre', 'post', 'change'), async (filter, timepoint) => {
				const expected = await queryOverviewScan(sessions, filter, timepoint);
				const actual = await queryOverviewScan(rolled, filter, timepoint);
				expect(actual.kpis.sessions).toBe(expected.kpis.sessions);
				expect(actual.kpis.clients).toBe(expected.kpis.clients);
				expect([actual.kpis.withinSessions, actual.kpis.withinClients]).toEqual([expected.kpis.withinSessions, expected.kpis.withinClients]);
				if (expected.kpis.withinPainChange === null) expect(actual.kpis.withinPainChange).toBeNull();
				else expect(actual.kpis.withinPainChange).toBeCloseTo(expected.kpis.withinPainChange, 10);
				expect(actual.conditions).toEqual(expected.conditions);
				// The improvement figure's within-session change by condition and by session technique, from any level.
				for (const key of ['withinByCondition', 'withinByTechnique'] as const) {
					expect(actual[key].map((g) => [g.group, g.n])).toEqual(expected[key].map((g) => [g.group, g.n]));
					for (const [i, g] of actual[key].entries()) expect(g.mean).toBeCloseTo(expected[key][i].mean, 10);
				}
				const definition = await trendsByDefinition(sessions, filter, timepoint);
				expectDefinition(actual.trends, definition);
			}),
			{ numRuns: 40, seed: 20261126 }
		);
	}, 180_000);
});
