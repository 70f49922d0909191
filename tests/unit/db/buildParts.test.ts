import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { buildParts, sessionsPerPart } from '$lib/db/buildParts';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { buildRollupTables, ROLLUPS } from '$lib/queries/overviewRollups';
import { openDemoDatabase } from '../../support/demoDataset';

let db: Connector;
beforeAll(async () => {
	db = await openDemoDatabase();
}, 120_000);
afterAll(async () => {
	await db?.close();
});

const facts = () => db.query('SELECT * FROM session_facts');

describe('session facts and rollups built in parts of months', () => {
	it('a part holds up to about a quarter of the memory limit at a kilobyte a session', () => {
		expect(sessionsPerPart(3 * 1024 ** 3)).toBe(805_306);
		expect(sessionsPerPart(310 * 1024 ** 2)).toBe(81_264);
		expect(sessionsPerPart(1024)).toBe(10_000);
	});

	it('splits the visit dates into whole months of at most a part each, in order, and covers every session once', async () => {
		expect(await buildParts(db, 'sessions', 10_000_000)).toEqual([null]);
		const parts = await buildParts(db, 'sessions', 5_000);
		expect(parts.length).toBeGreaterThan(2);
		const counts = await Promise.all(parts.map(async (p) => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM sessions WHERE ${p}`))[0].n));
		const [{ total }] = await db.query<{ total: number }>('SELECT count(*)::INTEGER AS total FROM sessions');
		expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
		// A month larger than a part is its own part; otherwise no part exceeds one.
		const [{ largest }] = await db.query<{ largest: number }>(`SELECT max(n)::INTEGER AS largest FROM (SELECT count(*) AS n FROM sessions GROUP BY date_trunc('month', session_date))`);
		for (const n of counts) expect(n).toBeLessThanOrEqual(Math.max(5_000, largest));
		expect(parts[0]).toMatch(/^session_date < DATE '\d{4}-\d{2}-01'$/);
		expect(parts.at(-1)).toMatch(/^session_date >= DATE '\d{4}-\d{2}-01'$/);
	});

	it('gives the same rows, in the same order, as the build in one part', async () => {
		const whole = await facts();
		await buildSessionFacts(db, 5_000);
		const inParts = await facts();
		expect(inParts.length).toBe(whole.length);
		expect(inParts).toEqual(whole);
	}, 120_000);

	it('puts sessions without a visit date (a researcher export) in a last part of their own', async () => {
		await db.exec(`UPDATE sessions SET session_date = NULL WHERE hash(session_id) % 7 = 0`);
		await buildSessionFacts(db, 10_000_000);
		const whole = await facts();
		const parts = await buildParts(db, 'sessions', 5_000);
		expect(parts.at(-1)).toBe('session_date IS NULL');
		await buildSessionFacts(db, 5_000);
		const inParts = await facts();
		expect(inParts).toEqual(whole);
		expect(whole.at(-1)!.session_date).toBeNull();
	}, 120_000);

	it('gives every rollup the same rows as the build in one part', async () => {
		const tables = async () =>
			Promise.all(ROLLUPS.map((r) => db.query(`SELECT * FROM ${r.table} ORDER BY ${r.keys.map((k) => `${k} NULLS FIRST`).join(', ')}`)));
		await buildRollupTables(db, () => {}, 10_000_000);
		const whole = await tables();
		const levels: number[] = [];
		await buildRollupTables(db, (level) => levels.push(level), 5_000);
		expect(levels).toEqual([0, 1, 2, 3, 4]);
		const inParts = await tables();
		// Sums of doubles added in another order may differ in their last bits.
		const rounded = (rows: Record<string, unknown>[]) =>
			rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v])));
		for (const [i, rows] of whole.entries()) {
			expect(rows.length).toBeGreaterThan(100);
			expect(rounded(inParts[i])).toEqual(rounded(rows));
		}
	}, 120_000);
});
