import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { loadOverview } from '$lib/overview/overview';
import { NO_FILTER, queryKpis, type OutcomeFilter } from '$lib/queries';
import { openDemoDatabase } from '../support/demoDataset';

/**
 * The planted effects of the bundled demo data (data/README.md, seed 15), recovered by the queries the overview
 * runs and the tables it builds, on the same engine (duckdb-wasm, here in Node). Planted sizes are maxima of a
 * saturating curve; the measured values are what the data hold, and each test states both.
 */
describe('the demo data’s planted effects, through the app’s own queries', () => {
	let db: Connector;
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	const kpis = (filter: Partial<OutcomeFilter>) => queryKpis(db, { ...NO_FILTER, ...filter });

	it('loads every row of the demo files', async () => {
		const [counts] = await db.query(`SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM sessions) AS sessions,
			(SELECT count(*) FROM measurements) AS measurements, (SELECT count(*) FROM therapists) AS therapists,
			(SELECT count(*) FROM client_courses) AS courses`);
		expect(counts).toEqual({ clients: 1900, sessions: 15366, measurements: 110612, therapists: 12, courses: 1900 });
	});

	it('within-session pain drop: 1.22 points per client over 15,054 sessions (planted 1.5 + 0.2 x (pre - 5), minus flares)', async () => {
		const all = await kpis({});
		expect(all.withinSessions).toBe(15054);
		// Each client's mean over their sessions, then over clients, worked out here without the app's SQL.
		const [check] = await db.query<{ mean: number; sessionMean: number }>(`SELECT
			(SELECT avg(m) FROM (SELECT avg(pain_pre - pain_post) AS m FROM session_facts WHERE pain_pre IS NOT NULL AND pain_post IS NOT NULL GROUP BY client_id)) AS mean,
			(SELECT avg(pain_pre - pain_post) FROM session_facts) AS sessionMean`);
		expect(all.withinPainChange).toBeCloseTo(check.mean, 12);
		expect(all.withinPainChange).toBeCloseTo(1.22, 3);
		// Over sessions it would be 1.15: clients with many visits have smaller drops, so the weighting matters.
		expect(check.sessionMean).toBeCloseTo(1.149, 3);
	});

	it('across the course, 637 of 1,508 clients improve by the MCID', async () => {
		const all = await kpis({});
		expect([all.courseResponders, all.courseClients]).toEqual([637, 1508]);
		// The mean change is over every course with a change (1,590), those starting below the MCID included.
		expect(all.courseChangeClients).toBe(1590);
		expect(all.coursePainChange).toBeCloseTo(1.062, 3);
	});

	it('low back pain improves most with deep tissue and least with Swedish (planted 2.5 vs 1.0)', async () => {
		const lbp = async (technique: string) => (await kpis({ conditions: ['chronic_low_back_pain'], techniques: [technique] })).coursePainChange!;
		const [deep, trigger, myofascial, swedish] = await Promise.all(['deep_tissue', 'trigger_point', 'myofascial_release', 'swedish'].map(lbp));
		// Measured (first pre - last pre): 2.00, 1.23, 1.12, 0.67.
		expect(deep).toBeCloseTo(2.0, 2);
		expect(swedish).toBeCloseTo(0.67, 1);
		expect(deep).toBeGreaterThan(trigger);
		expect(Math.min(trigger, myofascial)).toBeGreaterThan(swedish);
		expect(deep - swedish).toBeGreaterThan(1);
	});

	it('neck pain improves most with trigger point and least with Swedish (planted 2.5 vs 1.0)', async () => {
		const neck = async (technique: string) => (await kpis({ conditions: ['neck_pain'], techniques: [technique] })).coursePainChange!;
		const [trigger, myofascial, deep, swedish] = await Promise.all(['trigger_point', 'myofascial_release', 'deep_tissue', 'swedish'].map(neck));
		// Measured: 2.13, 1.55, 1.30, 0.34.
		expect(trigger).toBeCloseTo(2.13, 1);
		expect(trigger).toBeGreaterThan(myofascial);
		expect(myofascial).toBeGreaterThan(deep);
		expect(deep).toBeGreaterThan(swedish);
		expect(trigger - swedish).toBeGreaterThan(1.2);
	});

	it('home therapist T07 does better and T03 worse than everyone, condition by condition (planted +0.8 and -0.5)', async () => {
		// Therapists see different case mixes, so each is compared with everyone treating the same condition.
		const PAIN_CONDITIONS = ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'tension_headache'];
		async function differenceFromEveryone(therapist: string) {
			let sum = 0;
			for (const condition of PAIN_CONDITIONS) {
				const own = (await kpis({ therapists: [therapist], conditions: [condition] })).coursePainChange!;
				const everyone = (await kpis({ conditions: [condition] })).coursePainChange!;
				sum += own - everyone;
			}
			return sum / PAIN_CONDITIONS.length;
		}
		// Measured: +0.51 and -0.56.
		expect(await differenceFromEveryone('T07')).toBeCloseTo(0.51, 1);
		expect(await differenceFromEveryone('T03')).toBeCloseTo(-0.56, 1);
	});

	it('regression to the mean: courses starting at 8-10 improve ~0.9 more than those starting at 4-7', async () => {
		// The planted improvement does not depend on the starting score: the excess is measurement noise at intake.
		const [bands] = await db.query<{ high: number; middle: number; n_high: number }>(`SELECT
			avg(change) FILTER (WHERE baseline >= 8) AS high,
			avg(change) FILTER (WHERE baseline BETWEEN 4 AND 7) AS middle,
			CAST(count(*) FILTER (WHERE baseline >= 8) AS INTEGER) AS n_high
			FROM client_courses WHERE change IS NOT NULL`);
		expect(bands.n_high).toBe(177);
		expect(bands.high).toBeCloseTo(2.1, 2);
		expect(bands.middle).toBeCloseTo(1.21, 2);
	});

	it('stress falls most for anxiety clients treated with Swedish massage (planted 3.0 vs lower)', async () => {
		const rows = await db.query<{ technique: string; change: number; n: number }>(`
			WITH courses AS (
				SELECT client_id, arg_min(primary_technique, session_number) AS technique,
					arg_min(stress_pre, session_number) FILTER (WHERE stress_pre IS NOT NULL) AS first_pre,
					arg_max(stress_pre, session_number) FILTER (WHERE stress_pre IS NOT NULL) AS last_pre,
					count(stress_pre) AS scored
				FROM session_facts WHERE primary_condition = 'anxiety_stress' GROUP BY client_id
			)
			SELECT technique, avg(first_pre - last_pre) AS change, CAST(count(*) AS INTEGER) AS n
			FROM courses WHERE scored >= 2 GROUP BY technique ORDER BY technique`);
		// Measured: Swedish 2.35 (n = 92), hydrotherapy 0.74 (n = 27).
		expect(rows.map((r) => [r.technique, r.n])).toEqual([['hydrotherapy', 27], ['swedish', 92]]);
		expect(rows[1].change).toBeCloseTo(2.35, 2);
		expect(rows[1].change - rows[0].change).toBeGreaterThan(1);
	});

	it('the overview hides small groups: therapist T01 alone has coarser, pooled points, the hidden ones with no numbers', async () => {
		const overview = await loadOverview(db, { ...NO_FILTER, therapists: ['T01'] }, 'pre', 11);
		const pain = overview.trends.find((t) => t.measure.key === 'pain')!;
		const hidden = pain.rows.filter((r) => r.suppressed);
		// By month, 191 of 211 points were hidden; the grain widens until most of the all-techniques line shows.
		expect(overview.grain).toEqual({ step: 'quarter', pooled: ['hydrotherapy', 'lymphatic_drainage', 'prenatal', 'remedial_exercise', 'sports', 'stretching_pnf', 'trigger_point'] });
		expect([hidden.length, pain.rows.length]).toEqual([9, 44]);
		for (const r of hidden) expect([r.mean, r.clients, r.sessions]).toEqual([null, null, null]);
		for (const r of pain.rows.filter((r) => !r.suppressed)) expect(r.clients).toBeGreaterThanOrEqual(11);
	});
});
