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
		expect(await db.query(`SELECT client_id, primary_technique, therapist_id, strftime(month, '%Y-%m') AS month, sessions,
			scored_sessions, pain_first_pre, pain_last_pre FROM client_courses ORDER BY client_id`)).toEqual([
			{ client_id: 'C01', primary_technique: 'swedish', therapist_id: 'T01', month: '2025-01', sessions: 2, scored_sessions: 2, pain_first_pre: 6, pain_last_pre: 5 },
			{ client_id: 'C02', primary_technique: 'trigger_point', therapist_id: 'T02', month: '2025-01', sessions: 2, scored_sessions: 2, pain_first_pre: 8, pain_last_pre: 6 },
			{ client_id: 'C03', primary_technique: 'swedish', therapist_id: 'T01', month: '2025-02', sessions: 1, scored_sessions: 1, pain_first_pre: 4, pain_last_pre: 4 },
			{ client_id: 'C04', primary_technique: 'deep_tissue', therapist_id: 'T02', month: '2025-02', sessions: 1, scored_sessions: 1, pain_first_pre: 7, pain_last_pre: 7 }
		]);
	});

	it('KPIs with no filter', async () => {
		// Within: S1 2, S2 2, S3 3, S4 1, S5 1 (S6 has no post) -> 9 / 5 = 1.8 over 5 sessions of C01-C03.
		// Course (2+ scored sessions), pre to pre: C01 6 -> 5 = 1 (not a responder), C02 8 -> 6 = 2 (responder).
		expect(await queryKpis(db, NO_FILTER)).toEqual({
			sessions: 6, clients: 4, withinPainChange: 1.8, withinSessions: 5, withinClients: 3,
			courseClients: 2, courseResponders: 1, coursePainChange: 1.5
		});
	});

	it('KPIs for neck pain treated with Swedish', async () => {
		// S1, S2, S5: within (2 + 2 + 1) / 3; course C01 only (C03 had one session): 6 -> 5.
		const kpis = await queryKpis(db, filter({ conditions: ['neck_pain'], techniques: ['swedish'] }));
		expect(kpis.sessions).toBe(3);
		expect(kpis.clients).toBe(2);
		expect(kpis.withinPainChange).toBeCloseTo(5 / 3, 10);
		expect(kpis.courseClients).toBe(1);
		expect(kpis.coursePainChange).toBe(1);
		// Courses are selected by their first session: C02's started in January, so none starts in February.
		expect((await queryKpis(db, filter({ from: '2025-02' }))).courseClients).toBe(0);
		expect((await queryKpis(db, filter({ therapists: ['T02'] }))).courseResponders).toBe(1);
	});

	it('month bounds are inclusive and therapist and clinic filters apply', async () => {
		expect((await queryKpis(db, filter({ from: '2025-02' }))).sessions).toBe(3);
		expect((await queryKpis(db, filter({ to: '2025-01' }))).sessions).toBe(3);
		expect((await queryKpis(db, filter({ from: '2025-02', to: '2025-02', clinics: ['west'] }))).sessions).toBe(1);
		expect((await queryKpis(db, filter({ therapists: ['T02'] }))).clients).toBe(2);
	});

	it('pain before the session by month and technique', async () => {
		// January: S1 6, S3 8, S4 6; February: S2 5, S5 4, S6 7. Each month's total over techniques comes first.
		expect((await trend(NO_FILTER, 'pain', 'pre')).rows).toEqual([
			{ month: '2025-01', technique: ALL_TECHNIQUES, mean: 20 / 3, sessions: 3, clients: 2 },
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
