import { describe, expect, it } from 'vitest';
import { dosePoints, retentionPoints, sessionCurvePoints } from '$lib/conditions/conditionsAnalysis';
import { curveSubtitle, curveTitle, doseTitle, hiddenNote, outcomeLabel, retentionSubtitle, retentionTitle, stabilityNote } from '$lib/conditions/conditionsText';
import { ALL_TECHNIQUES, MEASURES } from '$lib/queries';
import { attendanceRows, type RetentionRow } from '$lib/queries/retention';
import type { SessionCurveRow } from '$lib/queries/sessionCurves';

const curve = (session: number, technique: string, clients: number, mean = 5, sd = 1.5): SessionCurveRow => ({ session, technique, clients, mean, sd });

describe('session curve suppression', () => {
	const rows = [
		curve(1, ALL_TECHNIQUES, 60), curve(1, 'deep_tissue', 34), curve(1, 'swedish', 26),
		// Session 5: Swedish (6) and trigger point (4) are too small; deep tissue goes too, or 40 - 30 would give them.
		curve(5, ALL_TECHNIQUES, 40), curve(5, 'deep_tissue', 30), curve(5, 'swedish', 6), curve(5, 'trigger_point', 4),
		// Session 9: every technique is small, but the total of 14 is shown: it reveals none of them.
		curve(9, ALL_TECHNIQUES, 14), curve(9, 'deep_tissue', 9), curve(9, 'swedish', 5),
		curve(12, ALL_TECHNIQUES, 7), curve(12, 'deep_tissue', 7)
	];
	const points = sessionCurvePoints(rows, 11);
	const at = (session: number, technique: string) => points.find((p) => p.session === session && p.technique === technique)!;

	it('hides points from fewer than k clients, and their complements within a session', () => {
		expect(points.filter((p) => p.suppressed).map((p) => `${p.session} ${p.technique}`)).toEqual([
			'5 deep_tissue', '5 swedish', '5 trigger_point', '9 deep_tissue', '9 swedish', '12 (all)', '12 deep_tissue'
		]);
		expect(at(5, ALL_TECHNIQUES).suppressed).toBe(false);
		expect(at(9, ALL_TECHNIQUES).clients).toBe(14);
	});

	it('hides a point whose count is fewer than k below the last shown one of its series', () => {
		// Hypertension-like: 18 started, 13 came back (5 stopped after one visit), 12, then 9.
		const points = sessionCurvePoints([curve(1, ALL_TECHNIQUES, 18), curve(2, ALL_TECHNIQUES, 13), curve(3, ALL_TECHNIQUES, 12), curve(4, ALL_TECHNIQUES, 9)], 11);
		expect(points.map((p) => p.clients)).toEqual([18, null, null, null]);
		expect(points.map((p) => p.mean)).toEqual([5, null, null, null]);
	});

	it('hides one more technique where the total would give back a technique the step rule hid', () => {
		const points = sessionCurvePoints(
			[
				curve(1, ALL_TECHNIQUES, 80), curve(1, 'deep_tissue', 40), curve(1, 'swedish', 40),
				// Deep tissue: 5 stopped, hidden; alone it would be 64 - 29 = 35, so Swedish (29, 11 stopped) goes too.
				curve(2, ALL_TECHNIQUES, 64), curve(2, 'deep_tissue', 35), curve(2, 'swedish', 29),
				// Compared with session 1's shown counts: 16 and 14 stopped.
				curve(3, ALL_TECHNIQUES, 50), curve(3, 'deep_tissue', 24), curve(3, 'swedish', 26)
			],
			11
		);
		expect(points.filter((p) => p.suppressed).map((p) => `${p.session} ${p.technique}`)).toEqual(['2 deep_tissue', '2 swedish']);
	});

	it('blanks every number of a hidden point but keeps its session number, so lines break in place', () => {
		expect(at(5, 'swedish')).toEqual({ session: 5, technique: 'swedish', clients: null, mean: null, sd: null, suppressed: true, lower: null, upper: null, unstable: false });
	});

	it('gives shown points a 95% t interval and flags fewer than 20 clients as unstable', () => {
		// 5 ± t(0.975, 13) x 1.5 / √14 = 5 ± 2.1604 x 0.4009.
		expect(at(9, ALL_TECHNIQUES).lower).toBeCloseTo(5 - 0.8661, 4);
		expect(at(9, ALL_TECHNIQUES).upper).toBeCloseTo(5 + 0.8661, 4);
		expect(at(9, ALL_TECHNIQUES).unstable).toBe(true);
		expect(at(1, 'swedish').unstable).toBe(false);
		expect(points.filter((p) => p.unstable)).toHaveLength(1);
	});
});

describe('attendance suppression', () => {
	const row = (session: number, technique: string, clients: number, started: number): RetentionRow => ({ session, technique, clients, started });
	const rows = [
		row(1, ALL_TECHNIQUES, 48, 48), row(1, 'deep_tissue', 40, 40), row(1, 'swedish', 8, 8),
		row(2, ALL_TECHNIQUES, 36, 48), row(2, 'deep_tissue', 29, 40), row(2, 'swedish', 7, 8)
	];

	it('gives the share still attending only where the technique’s start is shown', () => {
		const points = retentionPoints(rows, 11);
		expect(points.map((p) => [p.session, p.technique, p.clients, p.share])).toEqual([
			[1, ALL_TECHNIQUES, 48, 1],
			[1, 'deep_tissue', null, null],
			[1, 'swedish', null, null],
			[2, ALL_TECHNIQUES, 36, 36 / 48],
			[2, 'deep_tissue', null, null],
			[2, 'swedish', null, null]
		]);
	});

	it('hides the count and the share of a session fewer than k clients after the last shown one', () => {
		const points = retentionPoints([row(1, ALL_TECHNIQUES, 48, 48), row(2, ALL_TECHNIQUES, 42, 48), row(3, ALL_TECHNIQUES, 36, 48)], 11);
		// 6 stopped after session 1: session 2 is hidden; 12 stopped by session 3.
		expect(points.map((p) => [p.clients, p.started, p.share])).toEqual([[48, 48, 1], [null, null, null], [36, 48, 36 / 48]]);
	});

	it('never states the start count of a technique whose session 1 is hidden', () => {
		const points = retentionPoints([row(1, 'deep_tissue', 12, 12), row(1, 'swedish', 5, 5), row(2, 'deep_tissue', 11, 12)], 11);
		// Deep tissue's 12 at session 1 is hidden with Swedish's 5; its 11 at session 2 is shown, without the 12.
		expect(points.map((p) => [p.clients, p.started, p.share])).toEqual([[null, null, null], [null, null, null], [11, null, null]]);
	});
});

describe('attendance counted as the curves’ n', () => {
	// Sleep-like: 2 clients came to session 2 without a sleep score; attendance by sessions alone would say 42, not 40.
	const curves = [curve(1, ALL_TECHNIQUES, 50), curve(1, 'deep_tissue', 30), curve(1, 'swedish', 20), curve(2, ALL_TECHNIQUES, 40), curve(2, 'deep_tissue', 24), curve(2, 'swedish', 16), curve(3, 'swedish', 12)];

	it('counts at each point the clients with a score there, out of those with one at session 1', () => {
		expect(attendanceRows(curves).map((r) => [r.session, r.technique, r.clients, r.started])).toEqual([
			[1, ALL_TECHNIQUES, 50, 50], [1, 'deep_tissue', 30, 30], [1, 'swedish', 20, 20],
			[2, ALL_TECHNIQUES, 40, 50], [2, 'deep_tissue', 24, 30], [2, 'swedish', 16, 20],
			[3, 'swedish', 12, 20]
		]);
		expect(attendanceRows([curve(2, 'swedish', 12)])[0].started).toBe(0);
	});

	it('hides the same points as the curves, so every shown count equals the curve’s n', () => {
		for (const k of [5, 11]) {
			const attendance = retentionPoints(attendanceRows(curves), k);
			const points = sessionCurvePoints(curves, k);
			expect(attendance.map((p) => [p.session, p.technique, p.clients])).toEqual(points.map((p) => [p.session, p.technique, p.clients]));
		}
	});
});

describe('dose-response suppression', () => {
	const bucket = (b: number, clients: number, mean: number) => ({ bucket: b, clients, mean, sd: 1.2, sdBaseline: 2, sdEnd: 2 });

	it('hides a small bucket and the next smallest, since the buckets add up to the clients with 2+ sessions', () => {
		const points = dosePoints([bucket(0, 30, 0.4), bucket(1, 8, 0.6), bucket(2, 14, 0.9), bucket(3, 50, 1.3)], 11);
		expect(points.map((p) => [p.label, p.clients, p.suppressed])).toEqual([['2', 30, false], ['3', null, true], ['4–5', null, true], ['6–9', 50, false]]);
	});

	it('hides the buckets on both sides of a session whose attendance count is hidden', () => {
		// Courses of 4–5 sessions are the clients at session 4 minus those at 6: with session 6 hidden, 4–5 and 6–9 go.
		const hiddenAt6 = (session: number) => (session === 6 ? null : undefined);
		const points = dosePoints([bucket(0, 30, 0.4), bucket(1, 25, 0.6), bucket(2, 40, 0.9), bucket(3, 50, 1.3), bucket(4, 20, 1.4)], 11, 0, hiddenAt6);
		expect(points.map((p) => [p.label, p.suppressed])).toEqual([['2', false], ['3', false], ['4–5', true], ['6–9', true], ['10–14', false]]);
		// Alone, a bucket hidden for attendance would be the total minus the others: the smallest shown one joins it.
		const alone = dosePoints([bucket(0, 30, 0.4), bucket(1, 25, 0.6), bucket(2, 40, 0.9)], 11, 0, (s) => (s === 2 ? null : undefined));
		expect(alone.map((p) => [p.label, p.suppressed])).toEqual([['2', true], ['3', true], ['4–5', false]]);
	});

	it('hides a bucket that differs by fewer than k from the attendance counts it spans', () => {
		// Attendance counts clients with a score before a session: 200 at session 2, 160 at 3, 120 at 4, 90 at 6, none at 10.
		const counts: Record<number, number> = { 2: 200, 3: 160, 4: 120, 6: 90 };
		const attending = (session: number) => counts[session] ?? 0;
		// Courses of 3 sessions: 46, where attendance says 160 - 120 = 40; of 4–5 sessions: 24, where it says 30.
		const rows = [bucket(0, 40, 0.4), bucket(1, 46, 0.6), bucket(2, 24, 0.9), bucket(3, 90, 1.3)];
		const at = (k: number) => dosePoints(rows, k, 0, attending).map((p) => p.suppressed);
		// 3 goes, and 4–5 with it: the total (200, as attendance at session 2) minus the rest would give 3 back.
		expect(at(11)).toEqual([false, true, true, false]);
		// A difference of k or more is no small group; counts that agree hide nothing either.
		expect(at(5)).toEqual([false, false, false, false]);
		expect(dosePoints([bucket(0, 40, 0.4), bucket(1, 40, 0.6), bucket(2, 30, 0.9), bucket(3, 90, 1.3)], 11, 0, attending).some((p) => p.suppressed)).toBe(false);
	});

	it('treats a few clients missing a score as a hidden cell of the same total', () => {
		const points = dosePoints([bucket(0, 30, 0.4), bucket(1, 12, 0.6), bucket(2, 50, 1.3)], 11, 3);
		expect(points.map((p) => [p.label, p.suppressed])).toEqual([['2', false], ['3', true], ['4–5', false]]);
		expect(dosePoints([bucket(0, 30, 0.4), bucket(1, 12, 0.6)], 11, 0).every((p) => !p.suppressed)).toBe(true);
	});
});

describe('conditions page wording', () => {
	const [pain, , sleep, rom] = MEASURES;

	it('names each chart’s measure', () => {
		expect(curveTitle(pain)).toBe('Pain (0-10) by session number and technique');
		expect(curveTitle(rom)).toBe('Range of motion (% of normal) by session number and technique');
		expect(retentionTitle(pain)).toBe('Clients still attending, with a pain score, by session number');
		expect(retentionTitle(sleep)).toBe('Clients still attending, with a sleep quality score, by session number');
		expect(doseTitle(pain)).toBe('Pain improvement (0-10) by number of sessions');
		expect(doseTitle(sleep)).toBe('Sleep quality improvement (0-10) by number of sessions');
		expect(outcomeLabel(rom)).toBe('Range of motion (% of normal)');
	});

	it('says which sessions count as attended, and that lines join the sessions shown', () => {
		const rows = [curve(1, ALL_TECHNIQUES, 40), curve(2, ALL_TECHNIQUES, 30)];
		const model = { condition: null, measure: sleep, k: 11, curves: sessionCurvePoints(rows, 11), retention: retentionPoints(attendanceRows(rows), 11), dose: [], clients: 40, doseClients: null };
		expect(retentionSubtitle(model)).toBe(
			'Clients with a sleep quality score before that session, as % of those with one at session 1, by the technique of ' +
				'the first session; a session without a sleep quality score does not count; lines join the sessions shown · n = 40 clients at session 1'
		);
		expect(curveSubtitle(model)).toBe(
			'Mean sleep quality before each session, with 95% CI bands, by the technique of the first session; heavy line: ' +
				'all techniques; lines join the sessions shown · n = 40 clients at session 1'
		);
	});

	it('says how many points are hidden, and nothing when the whole chart is', () => {
		const points = [{ suppressed: false, unstable: true }, { suppressed: true, unstable: false }, { suppressed: false, unstable: false }];
		expect(hiddenNote(points, 11, 'points')).toBe(
			'Hidden to protect privacy: 1 of 3 points, which had fewer than 11 clients or would let a group that small be ' +
				'worked out by subtraction (e.g. the few clients who stopped, or had no score, between two sessions).'
		);
		expect(stabilityNote(points, 11, 'points')).toMatch(/Hollow points and † in the table: fewer than 20 clients, unstable\.$/);
		expect(hiddenNote([{ suppressed: true }], 11, 'points')).toBeUndefined();
		expect(hiddenNote([{ suppressed: false }], 11, 'points')).toBe('Groups of fewer than 11 clients are hidden to protect privacy; none in this chart.');
	});
});
