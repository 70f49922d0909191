import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { NO_FILTER, type OutcomeFilter } from '$lib/queries';
import type { CourseEnd } from '$lib/measures';
import { queryRomOutcomes, type RomMovementOutcome } from '$lib/queries/romOutcomes';
import { meanInterval } from '$lib/stats/meanInterval';
import { openDemoDatabase } from '../../support/demoDataset';

/** Course techniques planted to reach the ROM plateau twice as fast (time constant 2 sessions, not 4). */
const FAST = ['myofascial_release', 'stretching_pnf'];
const OTHER = ['deep_tissue', 'sports', 'swedish', 'trigger_point'];

/**
 * The range-of-motion effects planted in the demo data (data/README.md, "Range of motion"), recovered by the ROM
 * page's own SQL. The README measures per side and session (`scripts/demo-data/measure.ts`); the page counts
 * clients, pooling a client's two sides, and follows courseRowsSql's course ends. Each test says where that differs.
 */
describe('the demo data’s planted ROM effects, through the ROM queries', () => {
	let db: Connector;
	const outcomes = async (f: Partial<OutcomeFilter>, end: CourseEnd) => {
		const rows = await queryRomOutcomes(db, { ...NO_FILTER, ...f }, end);
		return Object.fromEntries(rows.map((r) => [r.movement, r])) as Record<string, RomMovementOutcome>;
	};
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	it('every client of a ROM condition has a baseline near the planted intake (measurement noise SD 3)', async () => {
		const all = await outcomes({}, 'last_pre');
		// Planted intake means in degrees, and the clients of each condition (a few lack a pre row: 4% are missing).
		const planted = { cervical_rotation: [55, 80, 267], lumbar_flexion: [60, 90, 320], shoulder_flexion: [130, 180, 161], shoulder_abduction: [120, 180, 162], hip_flexion: [100, 125, 118] };
		expect(Object.keys(all).sort()).toEqual(Object.keys(planted).sort());
		for (const [movement, [degrees, normal, clients]] of Object.entries(planted)) {
			const row = all[movement];
			expect(row.clients, movement).toBe(clients);
			expect(Math.abs(row.baseline.mean - degrees), movement).toBeLessThan(1.5);
			expect(row.baselinePercent.mean, movement).toBeCloseTo((100 * row.baseline.mean) / normal, 10);
		}
		expect(all.cervical_rotation.baseline.mean).toBeCloseTo(54.79, 2);
		expect(all.cervical_rotation.baselinePercent.mean).toBeCloseTo(68.49, 2);
	});

	it('within-session gain: planted Normal(3, 2) degrees; each movement’s 95% CI holds 3 and the README’s measured value', async () => {
		const all = await outcomes({}, 'last_pre');
		// README (per session and side): 3.04, 3.04, 2.99, 2.92, 3.02. Here (per client, n = clients): as below.
		const expected = {
			cervical_rotation: { readme: 3.04, mean: 3.059, n: 266 },
			lumbar_flexion: { readme: 3.04, mean: 3.105, n: 319 },
			shoulder_flexion: { readme: 2.99, mean: 3.075, n: 157 },
			shoulder_abduction: { readme: 2.92, mean: 2.89, n: 161 },
			hip_flexion: { readme: 3.02, mean: 3.0, n: 118 }
		};
		for (const [movement, { readme, mean, n }] of Object.entries(expected)) {
			const ci = meanInterval(all[movement].withinChange)!;
			expect(ci.n, movement).toBe(n);
			expect(ci.mean, movement).toBeCloseTo(mean, 2);
			expect(ci.lower, movement).toBeLessThan(Math.min(3, readme));
			expect(ci.upper, movement).toBeGreaterThan(Math.max(3, readme));
			// In % of normal it is the same change over the movement's normal range.
			expect(all[movement].withinChangePercent.n, movement).toBe(n);
		}
	});

	it('across the course (last post - first pre), faster with myofascial release or PNF as course technique', async () => {
		const fast = await outcomes({ techniques: FAST }, 'last_post');
		const other = await outcomes({ techniques: OTHER }, 'last_post');
		// README, per side, first session's pre to the last session's post, clients with both rows: fast vs other
		// 13.85 vs 12.26, 14.29 vs 13.43, 26.54 vs 21.87, 18.90 vs 14.39 (shoulder abduction 26.37 vs 23.00).
		// Here a missing first pre or last post falls back to the nearest session measured (as courseRowsSql
		// does) instead of dropping the side, and sides are pooled per client; both pull the means slightly lower.
		const expected = {
			cervical_rotation: { readme: [13.85, 12.26], here: [13.481, 12.126], n: [53, 167] },
			lumbar_flexion: { readme: [14.29, 13.43], here: [14.338, 13.172], n: [68, 204] },
			shoulder_flexion: { readme: [26.54, 21.87], here: [25.843, 21.815], n: [70, 65] },
			shoulder_abduction: { readme: [26.37, 23.0], here: [26.125, 22.54], n: [72, 63] },
			hip_flexion: { readme: [18.9, 14.39], here: [18.152, 14.435], n: [33, 69] }
		};
		for (const [movement, { readme, here, n }] of Object.entries(expected)) {
			const [f, o] = [fast[movement].courseChange, other[movement].courseChange];
			expect([f.n, o.n], movement).toEqual(n);
			expect(f.mean, movement).toBeCloseTo(here[0], 2);
			expect(o.mean, movement).toBeCloseTo(here[1], 2);
			expect(Math.abs(f.mean - readme[0]), movement).toBeLessThan(0.8);
			expect(Math.abs(o.mean - readme[1]), movement).toBeLessThan(0.8);
			expect(f.mean, movement).toBeGreaterThan(o.mean);
		}
	});

	it('the README’s per-side numbers come back exactly with its own definition (so the gap above is definitional)', async () => {
		const rows = await db.query(`WITH course AS (
				SELECT client_id, max(session_number) AS sessions, arg_min(primary_technique, session_number) AS technique
				FROM sessions GROUP BY client_id),
			series AS (
				SELECT s.client_id, m.rom_movement AS movement, m.side, any_value(c.technique IN ('myofascial_release', 'stretching_pnf')) AS fast,
					max(m.value) FILTER (WHERE s.session_number = 1 AND m.timepoint = 'pre') AS first_pre,
					max(m.value) FILTER (WHERE s.session_number = c.sessions AND m.timepoint = 'post') AS last_post
				FROM measurements m JOIN sessions s USING (session_id) JOIN course c USING (client_id)
				WHERE m.instrument = 'rom' AND c.sessions >= 2
				GROUP BY s.client_id, m.rom_movement, m.side)
			SELECT movement || CASE WHEN fast THEN ' fast' ELSE ' other' END AS grp, CAST(count(last_post - first_pre) AS INTEGER) AS n,
				round(avg(last_post - first_pre), 2) AS mean
			FROM series GROUP BY ALL ORDER BY grp`);
		expect(rows).toEqual([
			{ grp: 'cervical_rotation fast', n: 97, mean: 13.85 },
			{ grp: 'cervical_rotation other', n: 314, mean: 12.26 },
			{ grp: 'hip_flexion fast', n: 29, mean: 18.9 },
			{ grp: 'hip_flexion other', n: 61, mean: 14.39 },
			{ grp: 'lumbar_flexion fast', n: 63, mean: 14.29 },
			{ grp: 'lumbar_flexion other', n: 183, mean: 13.43 },
			{ grp: 'shoulder_abduction fast', n: 67, mean: 26.37 },
			{ grp: 'shoulder_abduction other', n: 59, mean: 23 },
			{ grp: 'shoulder_flexion fast', n: 61, mean: 26.54 },
			{ grp: 'shoulder_flexion other', n: 61, mean: 21.87 }
		]);
	});

	it('clients beyond the MDC: cervical rotation 9.6, shoulder 8; none counted where no MDC is published', async () => {
		const pre = await outcomes({}, 'last_pre');
		const post = await outcomes({}, 'last_post');
		expect([pre.cervical_rotation.beyondMdc, pre.cervical_rotation.courseChange.n]).toEqual([110, 218]);
		expect([post.cervical_rotation.beyondMdc, post.cervical_rotation.courseChange.n]).toEqual([160, 220]);
		expect([pre.shoulder_flexion.beyondMdc, pre.shoulder_flexion.courseChange.n]).toEqual([121, 137]);
		expect([post.shoulder_flexion.beyondMdc, post.shoulder_flexion.courseChange.n]).toEqual([129, 135]);
		expect(pre.lumbar_flexion.beyondMdc).toBeNull();
		expect(pre.hip_flexion.beyondMdc).toBeNull();
	});
});
