import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { instrument } from '$lib/domain/instruments';
import { countResponders, courseRules, responderCountsSql, thresholdTolerance, type CourseChange, type CourseThresholds } from '$lib/measures';

/** Courses on a lower-is-better scale from 0: change = baseline - end, room = baseline. */
function courses(pairs: readonly [number, number][]): CourseChange[] {
	return pairs.map(([baseline, end]) => ({ change: baseline - end, room: baseline }));
}

let db: Connector;
beforeAll(async () => {
	db = await openNodeConnector();
});
afterAll(async () => {
	await db.close();
});

/** The same counts from the SQL the pages run, over the same pairs as DOUBLE scores. */
async function countInSql(pairs: readonly [number, number][], rules: CourseThresholds, code: string) {
	const counts = responderCountsSql(rules, instrument(code));
	const values = pairs.map(() => '(CAST(? AS DOUBLE), CAST(? AS DOUBLE))').join(', ');
	const [row] = await db.query(
		`SELECT ${counts.sql} FROM (SELECT baseline - end_score AS change, baseline AS room FROM (VALUES ${values}) t(baseline, end_score))`,
		[...counts.params, ...pairs.flat()]
	);
	return row;
}

const pain = courseRules(instrument('pain_nrs'), null);

describe('responders at the MCID, with a tolerance fitted to the resolution', () => {
	it('is a thousandth of the recorded step', () => {
		expect(thresholdTolerance(instrument('pain_nrs'))).toBeCloseTo(0.0001, 12);
		expect(thresholdTolerance(instrument('pain_vas'))).toBeCloseTo(0.001, 12);
		expect(thresholdTolerance(instrument('rom'))).toBeCloseTo(0.001, 12);
	});

	it('counts integer scores that fall by exactly 2 points, and not by 1', async () => {
		const pairs: [number, number][] = [[6, 4], [8, 6], [2, 0], [6, 5], [3, 2]];
		const expected = { pointsEligible: 5, pointsResponders: 3 };
		expect(countResponders(courses(pairs), pain, thresholdTolerance(instrument('pain_nrs')))).toMatchObject(expected);
		expect(await countInSql(pairs, pain, 'pain_nrs')).toMatchObject(expected);
	});

	it('counts one-decimal scores whose difference is 2 on paper but 1.9999999999999998 in binary', async () => {
		expect(2.3 - 0.3).toBeLessThan(2);
		// 15 clients from 2.3 to 0.3 (a change of exactly the MCID) and 15 from 2.3 to 1.3: 15 of 30 respond.
		const pairs: [number, number][] = [...Array.from({ length: 15 }, () => [2.3, 0.3] as [number, number]), ...Array.from({ length: 15 }, () => [2.3, 1.3] as [number, number])];
		const expected = { pointsEligible: 30, pointsResponders: 15 };
		expect(countResponders(courses(pairs), pain, thresholdTolerance(instrument('pain_nrs')))).toMatchObject(expected);
		expect(await countInSql(pairs, pain, 'pain_nrs')).toMatchObject(expected);
	});

	it('counts every 0-100 mm VAS score converted to 0-10 that falls by 20 mm, and none that falls by 19 mm', async () => {
		const by = (mm: number) => Array.from({ length: 101 - mm }, (_, i): [number, number] => [(i + mm) / 10, i / 10]);
		const short = by(20).filter(([a, b]) => a - b < 2).length;
		expect(short).toBeGreaterThan(0); // the case the tolerance is for
		const tolerance = thresholdTolerance(instrument('pain_nrs'));
		expect(countResponders(courses(by(20)), pain, tolerance).pointsResponders).toBe(81);
		expect(countResponders(courses(by(19)), pain, tolerance).pointsResponders).toBe(0);
		expect((await countInSql(by(20), pain, 'pain_nrs')).pointsResponders).toBe(81);
		expect((await countInSql(by(19), pain, 'pain_nrs')).pointsResponders).toBe(0);
	});

	it('counts VAS scores in millimetres at the VAS MCID of 15 mm', async () => {
		const vas = courseRules(instrument('pain_vas'), null);
		const pairs: [number, number][] = [[38, 23], [60, 45], [60, 46], [10, 0]];
		const expected = { pointsEligible: 3, pointsResponders: 2 };
		expect(countResponders(courses(pairs), vas, thresholdTolerance(instrument('pain_vas')))).toMatchObject(expected);
		expect(await countInSql(pairs, vas, 'pain_vas')).toMatchObject(expected);
	});
});

describe('responders by the 30% rule', () => {
	it('never counts a course from 0 to 0, and counts exactly 30% of the baseline', async () => {
		// 0 → 0 (twice): no room, never a responder; 1 → 0.7 and 10 → 7 are 30%; 10 → 7.1 is 29%; 2.3 → 1.61 is 30%.
		const pairs: [number, number][] = [[0, 0], [0, 0], [1, 0.7], [10, 7], [10, 7.1], [2.3, 1.61]];
		const expected = { shareResponders: 3 };
		expect(countResponders(courses(pairs), pain, thresholdTolerance(instrument('pain_nrs')))).toMatchObject(expected);
		expect(await countInSql(pairs, pain, 'pain_nrs')).toMatchObject(expected);
	});
});

describe('reliable improvement', () => {
	it('is more than the MDC95: a change of exactly 1.77 on paper is not beyond it', async () => {
		const pairs: [number, number][] = [[3.77, 2], [5.78, 4], [2.77, 1], [9, 7]];
		// 3.77 - 2 = 1.77 (not more), 5.78 - 4 = 1.78, 2.77 - 1 = 1.77, 9 - 7 = 2.
		const expected = { reliableImproved: 2 };
		expect(countResponders(courses(pairs), pain, thresholdTolerance(instrument('pain_nrs')))).toMatchObject(expected);
		expect(await countInSql(pairs, pain, 'pain_nrs')).toMatchObject(expected);
	});
});
