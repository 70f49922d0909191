import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { ALL_TECHNIQUES, NO_FILTER, queryFilterOptions, queryKpis, queryTrends, type OutcomeFilter, type Timepoint } from '$lib/queries';
import { smallDatasetFiles } from '../support/smallDataset';
import { openDatasetDatabase } from '../support/testDatabase';

const filter = (f: Partial<OutcomeFilter>): OutcomeFilter => ({ ...NO_FILTER, ...f });

describe('queries on the small hand-computed dataset (duckdb-wasm in Node)', () => {
	let db: Connector;
	const trend = async (f: OutcomeFilter, key: string, timepoint: Timepoint) =>
		(await queryTrends(db, f, timepoint)).find((t) => t.measure.key === key)!;
	beforeAll(async () => { db = await openDatasetDatabase(smallDatasetFiles()); });
	afterAll(() => db.close());

	it('loads every row of every canonical table', async () => {
		const [counts] = await db.query(`SELECT (SELECT count(*) FROM clients) AS c, (SELECT count(*) FROM therapists) AS t,
			(SELECT count(*) FROM sessions) AS s, (SELECT count(*) FROM measurements) AS m, (SELECT count(*) FROM session_facts) AS f,
			(SELECT count(*) FROM client_courses) AS cc`);
		expect(counts).toEqual({ c: 4, t: 2, s: 6, m: 18, f: 6, cc: 4 });
	});

	it('describes each course by its first session and measures it pre to pre', async () => {
		// C03 and C04 had one session: a baseline but no course change.
		expect(await db.query(`SELECT client_id, primary_technique, therapist_id, strftime(month, '%Y-%m') AS month, sessions,
			baseline, end_score, change, room FROM client_courses ORDER BY client_id`)).toEqual([
			{ client_id: 'C01', primary_technique: 'swedish', therapist_id: 'T01', month: '2025-01', sessions: 2, baseline: 6, end_score: 5, change: 1, room: 6 },
			{ client_id: 'C02', primary_technique: 'trigger_point', therapist_id: 'T02', month: '2025-01', sessions: 2, baseline: 8, end_score: 6, change: 2, room: 8 },
			{ client_id: 'C03', primary_technique: 'swedish', therapist_id: 'T01', month: '2025-02', sessions: 1, baseline: 4, end_score: 4, change: null, room: 4 },
			{ client_id: 'C04', primary_technique: 'deep_tissue', therapist_id: 'T02', month: '2025-02', sessions: 1, baseline: 7, end_score: 7, change: null, room: 7 }
		]);
	});

	it('KPIs with no filter', async () => {
		// Within, per client: C01 (S1 2, S2 2) 2, C02 (S3 3, S4 1) 2, C03 (S5 1) 1 -> 5 / 3 over 3 clients and 5 sessions
		// (S6 has no post). Course (2+ scored sessions), pre to pre: C01 6 -> 5 = 1 (not a responder), C02 8 -> 6 = 2 (responder).
		expect(await queryKpis(db, NO_FILTER)).toEqual({
			sessions: 6, clients: 4, withinPainChange: 5 / 3, withinSessions: 5, withinClients: 3,
			courseClients: 2, courseResponders: 1, courseChangeClients: 2, coursePainChange: 1.5
		});
	});

	it('KPIs for neck pain treated with Swedish', async () => {
		// S1, S2, S5: within per client C01 2, C03 1 -> 1.5; course C01 only (C03 had one session): 6 -> 5.
		const kpis = await queryKpis(db, filter({ conditions: ['neck_pain'], techniques: ['swedish'] }));
		expect(kpis.sessions).toBe(3);
		expect(kpis.clients).toBe(2);
		expect(kpis.withinPainChange).toBeCloseTo(1.5, 10);
		expect(kpis.courseClients).toBe(1);
		expect(kpis.coursePainChange).toBe(1);
		expect((await queryKpis(db, filter({ therapists: ['T02'] }))).courseResponders).toBe(1);
	});

	it('a month range is the window courses are seen through: clients seen in it, to its last month', async () => {
		// February: C01 (S2), C03 and C04 are seen. C01's course runs from January's 6 to February's 5; C03 and C04
		// had one session. C02 was not seen in February.
		const february = await queryKpis(db, filter({ from: '2025-02', to: '2025-02' }));
		expect([february.courseClients, february.courseResponders, february.coursePainChange]).toEqual([1, 0, 1]);
		// January: C01 and C02 are seen; C01's end must fall in January, where it has one session, so only C02 has a
		// course (8 -> 6, a responder).
		const january = await queryKpis(db, filter({ to: '2025-01' }));
		expect([january.courseClients, january.courseResponders, january.coursePainChange]).toEqual([1, 1, 2]);
	});

	it('month bounds are inclusive and therapist and clinic filters apply', async () => {
		expect((await queryKpis(db, filter({ from: '2025-02' }))).sessions).toBe(3);
		expect((await queryKpis(db, filter({ to: '2025-01' }))).sessions).toBe(3);
		expect((await queryKpis(db, filter({ from: '2025-02', to: '2025-02', clinics: ['west'] }))).sessions).toBe(1);
		expect((await queryKpis(db, filter({ therapists: ['T02'] }))).clients).toBe(2);
	});

	it('pain before the session by month and technique', async () => {
		// January: S1 6 (C01), S3 8 and S4 6 (C02); February: S2 5, S5 4, S6 7. Each month's total over techniques
		// comes first. Means are per client: January's is C01 6 and C02 7, so 6.5.
		expect((await trend(NO_FILTER, 'pain', 'pre')).rows).toEqual([
			{ month: '2025-01', technique: ALL_TECHNIQUES, mean: 6.5, sessions: 3, clients: 2 },
			{ month: '2025-01', technique: 'swedish', mean: 6, sessions: 1, clients: 1 },
			{ month: '2025-01', technique: 'trigger_point', mean: 7, sessions: 2, clients: 1 },
			{ month: '2025-02', technique: ALL_TECHNIQUES, mean: 16 / 3, sessions: 3, clients: 3 },
			{ month: '2025-02', technique: 'deep_tissue', mean: 7, sessions: 1, clients: 1 },
			{ month: '2025-02', technique: 'swedish', mean: 4.5, sessions: 2, clients: 2 }
		]);
	});

	it('change is signed so that improvement is positive for both directions', async () => {
		// Pain (lower is better): S3 8 -> 5 and S4 6 -> 5 give +2 in January for trigger point.
		const pain = (await trend(filter({ techniques: ['trigger_point'] }), 'pain', 'change')).rows;
		expect(pain).toEqual([
			{ month: '2025-01', technique: ALL_TECHNIQUES, mean: 2, sessions: 2, clients: 1 },
			{ month: '2025-01', technique: 'trigger_point', mean: 2, sessions: 2, clients: 1 }
		]);
		// ROM (higher is better), paired by movement and side: S5 left 60 -> 64 of 80 degrees is +5%; the right side
		// has no after score, so it does not count (comparing means, 72.5% -> 80%, would say +7.5).
		const rom = (await trend(NO_FILTER, 'rom', 'change')).rows;
		expect(rom).toHaveLength(2);
		expect(rom[0].mean).toBeCloseTo(5, 10);
		const romPre = (await trend(NO_FILTER, 'rom', 'pre')).rows;
		expect(romPre[0].mean).toBeCloseTo(72.5, 10);
	});

	it('counts the distinct clients and sessions behind each chart once, not by summing months', async () => {
		// C01 is in January and February: 4 clients, not 2 + 3.
		expect(await trend(NO_FILTER, 'pain', 'pre')).toMatchObject({ clients: 4, sessions: 6 });
		expect(await trend(NO_FILTER, 'pain', 'change')).toMatchObject({ clients: 3, sessions: 5 });
		expect(await trend(NO_FILTER, 'stress', 'pre')).toMatchObject({ clients: 1, sessions: 1 });
		// Sleep is higher-is-better: S1 4 -> 4 is no change.
		expect((await trend(NO_FILTER, 'sleep', 'change')).rows.map((r) => r.mean)).toEqual([0, 0]);
		const none = await trend(filter({ clinics: ['nowhere'] }), 'pain', 'pre');
		expect(none).toMatchObject({ rows: [], clients: 0, sessions: 0 });
	});

	it('offers the values present, with session counts, and the months spanned', async () => {
		const options = await queryFilterOptions(db);
		expect(options.conditions).toEqual([
			{ value: 'chronic_low_back_pain', sessions: 1 },
			{ value: 'neck_pain', sessions: 5 }
		]);
		expect(options.clinics.map((c) => c.value)).toEqual(['north', 'west']);
		expect(options.firstMonth).toBe('2025-01');
		expect(options.lastMonth).toBe('2025-02');
	});

	it('treats filter values as data, never as SQL', async () => {
		const hostile = filter({ techniques: ["swedish') OR 1=1 --"], therapists: ['T01" OR "1"="1'] });
		expect((await queryKpis(db, hostile)).sessions).toBe(0);
		await expect(queryKpis(db, filter({ from: "2025-01' OR 1=1" }))).rejects.toThrow(/invalid month/);
	});

	it('cannot read files or change settings once locked', async () => {
		await expect(db.query(`SELECT * FROM read_text('/etc/passwd')`)).rejects.toThrow(/external access|Permission/i);
		await expect(db.exec(`SET enable_external_access = true`)).rejects.toThrow(/lock/i);
		const [setting] = await db.query(`SELECT current_setting('autoload_known_extensions') AS autoload`);
		expect(setting.autoload).toBe(false);
	});
});

describe('reference tables', () => {
	it('carry each instrument and movement with its source', async () => {
		const db = await openDatasetDatabase(smallDatasetFiles());
		const [pain] = await db.query(`SELECT better, mcid_points, mcid_percent, mcid_source FROM instruments WHERE code = ?`, ['pain_nrs']);
		expect(pain).toMatchObject({ better: 'lower', mcid_points: 2, mcid_percent: 30 });
		expect(pain.mcid_source).toContain('Farrar');
		const [rotation] = await db.query(`SELECT normal_degrees, reference_source FROM rom_movements WHERE code = ?`, ['cervical_rotation']);
		expect(rotation).toEqual({ normal_degrees: 80, reference_source: 'AAOS, Joint Motion: Method of Measuring and Recording (1965)' });
		await db.close();
	});
});
