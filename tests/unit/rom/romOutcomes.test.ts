import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { NO_FILTER, type OutcomeFilter } from '$lib/queries';
import { queryRomOutcomes, queryRomSelections, type RomMovementOutcome } from '$lib/queries/romOutcomes';
import { openDatasetDatabase } from '../../support/testDatabase';
import { romSmallDatasetFiles } from './romSmallDataset';

const filter = (f: Partial<OutcomeFilter>): OutcomeFilter => ({ ...NO_FILTER, ...f });

/**
 * The ROM SQL on a hand-computed dataset (romSmallDataset.ts), on the engine the page uses (duckdb-wasm, in Node).
 * Cervical rotation, per side then pooled per client as the mean of the sides:
 *   R1 left  50/54, 55/58, 60/63       R1 right 46/50, 52/55, 57/(none)
 *   R2 left  40/42, 44/47              R2 right (none)/41, 43/45
 * Baselines: R1 (50 + 46) / 2 = 48, R2 (40 + 43) / 2 = 41.5 (R2's right side starts at session 2).
 * Within: R1 left 10/3 over 3 pairs, right 3.5 over 2 -> 41/12; R2 left 2.5, right 2 -> 2.25.
 * Course, last pre: R1 left 50 -> 60, right 46 -> 57: 48 -> 58.5 = 10.5; R2 left 40 -> 44 = 4 (its right side has
 * one pre only, so no course). Last post: R1 left 63, right 55 (session 2, its last post) -> 59 = 11; R2 left 47 = 7.
 */
describe('range of motion by movement (hand-computed)', () => {
	let db: Connector;
	const outcomes = async (f: Partial<OutcomeFilter>, end: 'last_pre' | 'last_post') => {
		const rows = await queryRomOutcomes(db, filter(f), end);
		return Object.fromEntries(rows.map((r) => [r.movement, r])) as Record<string, RomMovementOutcome>;
	};
	beforeAll(async () => { db = await openDatasetDatabase(romSmallDatasetFiles()); });
	afterAll(() => db.close());

	it('baseline, within-session and across-course change per client, sides pooled', async () => {
		const { cervical_rotation: cervical } = await outcomes({}, 'last_pre');
		expect(cervical.clients).toBe(2);
		expect(cervical.baseline).toEqual({ n: 2, mean: 44.75, sd: expect.closeTo(6.5 / Math.SQRT2, 10) });
		expect(cervical.baselinePercent.mean).toBeCloseTo((100 * 44.75) / 80, 10);
		expect(cervical.withinChange.n).toBe(2);
		expect(cervical.withinChange.mean).toBeCloseTo((41 / 12 + 2.25) / 2, 10);
		expect(cervical.withinChange.sd).toBeCloseTo((41 / 12 - 2.25) / Math.SQRT2, 10);
		expect(cervical.withinChangePercent.mean).toBeCloseTo((100 * (41 / 12 + 2.25)) / 2 / 80, 10);
		// Means before and after over each side's paired sessions: R1 (55 + 49) / 2, R2 (42 + 43) / 2.
		expect(cervical.withinPre.mean).toBeCloseTo((52 + 42.5) / 2, 10);
		expect(cervical.withinPost.mean).toBeCloseTo(((175 / 3 + 52.5) / 2 + 44.75) / 2, 10);
		expect(cervical.courseChange).toEqual({ n: 2, mean: 7.25, sd: expect.closeTo(6.5 / Math.SQRT2, 10) });
		expect([cervical.courseBaseline.mean, cervical.courseEnd.mean]).toEqual([44, 51.25]);
		expect(cervical.courseChangePercent.mean).toBeCloseTo((100 * 7.25) / 80, 10);
		// MDC 9.6: R1's 10.5 is beyond it, R2's 4 is not.
		expect(cervical.beyondMdc).toBe(1);
	});

	it('ends the course at the last session measured after it, where chosen', async () => {
		const { cervical_rotation: cervical, hip_flexion: hip } = await outcomes({}, 'last_post');
		expect(cervical.courseChange.mean).toBe(9);
		expect(cervical.courseEnd.mean).toBe(53);
		// 11 and 7 against 9.6.
		expect(cervical.beyondMdc).toBe(1);
		// R4's first pre is missing: the baseline is session 2's (96); last post 104.
		expect(hip.courseChange).toMatchObject({ n: 1, mean: 8 });
		expect(hip.beyondMdc).toBeNull();
	});

	it('a single visit has a baseline and a within-session change but no course', async () => {
		const { shoulder_flexion: shoulder, hip_flexion: hip } = await outcomes({}, 'last_pre');
		expect(shoulder.clients).toBe(1);
		expect(shoulder.baseline.mean).toBe(120);
		expect(shoulder.withinChange.mean).toBe(4);
		expect(shoulder.courseChange.n).toBe(0);
		expect(shoulder.beyondMdc).toBe(0);
		// Hip flexion has no published MDC: no count, not zero.
		expect(hip.baseline.mean).toBe(96);
		expect(hip.withinChange.mean).toBe(3.5);
		expect(hip.courseChange).toMatchObject({ n: 1, mean: 4 });
		expect(hip.beyondMdc).toBeNull();
	});

	it('selects courses by condition and by the technique of their first session', async () => {
		// R1's second session was Swedish, but its course started with myofascial release.
		const swedish = await outcomes({ conditions: ['neck_pain'], techniques: ['swedish'] }, 'last_pre');
		expect(Object.keys(swedish)).toEqual(['cervical_rotation']);
		expect(swedish.cervical_rotation.clients).toBe(1);
		expect(swedish.cervical_rotation.baseline.mean).toBe(41.5);
		const myofascial = await outcomes({ techniques: ['myofascial_release'] }, 'last_pre');
		expect(myofascial.cervical_rotation.courseChange.mean).toBe(10.5);
		expect(await outcomes({ conditions: ['tension_headache'] }, 'last_pre')).toEqual({});
	});

	it('offers the conditions and course techniques that have ROM measurements', async () => {
		expect(await queryRomSelections(db)).toEqual([
			{ condition: 'neck_pain', technique: 'myofascial_release' },
			{ condition: 'neck_pain', technique: 'swedish' },
			{ condition: 'shoulder', technique: 'trigger_point' },
			{ condition: 'sports_injury', technique: 'deep_tissue' }
		]);
	});

	it('binds filter values as parameters: a quote in a value is a value', async () => {
		expect(await outcomes({ conditions: ["neck_pain' OR '1'='1"] }, 'last_pre')).toEqual({});
	});
});
