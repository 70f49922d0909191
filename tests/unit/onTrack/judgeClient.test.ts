import { describe, expect, it } from 'vitest';
import { judgeClient, referenceClients, usualBand } from '$lib/onTrack/judgeClient';
import { coursePoints } from '$lib/onTrack/coursePoints';
import { whyText } from '$lib/onTrack/onTrackText';
import { onTrackMeasure, type ClientOnTrackRow, type JudgedScore } from '$lib/queries/clientsOnTrack';

const pain = onTrackMeasure('pain');
const sleep = onTrackMeasure('sleep');

function client(last: JudgedScore | null, previous: JudgedScore | null, extra: Partial<ClientOnTrackRow> = {}): ClientOnTrackRow {
	return {
		clientId: 'CABC234', condition: 'neck_pain', therapist: 'T01', clinic: 'north', sessions: 6, lastDate: '2026-10-20',
		startScore: 7, startSession: 1, scored: 6, last, previous, ...extra
	};
}
const at = (session: number, score: number, mean: number, sd = 1, n = 40): JudgedScore => ({ session, score, n, mean, sd });

describe('a client’s verdict against their expected course', () => {
	it('the band is expected ± 1.2816 SD, the SD never below 0.5', () => {
		expect(usualBand(4, 1)).toEqual({ sd: 1, low: 4 - 1.2816, high: 4 + 1.2816 });
		expect(usualBand(4, 0.1)).toEqual({ sd: 0.5, low: 4 - 0.6408, high: 4 + 0.6408 });
		expect(usualBand(4, null).sd).toBe(0.5);
	});

	it('not on track: both last scores worse than expected, on average beyond the band', () => {
		// z = 1.5 and 1.1: mean 1.3 > 1.2816.
		const v = judgeClient(client(at(6, 5.5, 4), at(5, 5.4, 4.3)), pain, 11);
		expect(v.status).toBe('not_on_track');
		expect(v.last).toMatchObject({ behind: 1.5, z: 1.5, beyondBand: true, n: 40 });
		expect(v.previous!.behind).toBeCloseTo(1.1, 12);
	});

	it('on track: one bad day (the score before was better than expected), or two just inside the band', () => {
		expect(judgeClient(client(at(6, 7, 4), at(5, 4, 4.3)), pain, 11).status).toBe('on_track');
		// z = 1.25 and 1.25: mean 1.25 < 1.2816.
		expect(judgeClient(client(at(6, 5.25, 4), at(5, 5.55, 4.3)), pain, 11).status).toBe('on_track');
	});

	it('where higher is better (sleep quality), lower scores are behind', () => {
		expect(judgeClient(client(at(6, 3, 5), at(5, 3.5, 5), { startScore: 4 }), sleep, 11).status).toBe('not_on_track');
		expect(judgeClient(client(at(6, 7, 5), at(5, 6.5, 5), { startScore: 4 }), sleep, 11).status).toBe('on_track');
	});

	it('with no expectation for the score before the last, the last alone must be beyond the band', () => {
		expect(judgeClient(client(at(6, 5.3, 4), at(5, 9, 4, 1, 12)), pain, 11).status).toBe('not_on_track');
		expect(judgeClient(client(at(6, 5.2, 4), at(5, 9, 4, 1, 12)), pain, 11).status).toBe('on_track');
		// The score before the last is the client's start: it has no expectation of its own.
		expect(judgeClient(client(at(3, 5.3, 4), at(1, 9, 9), { startSession: 1, scored: 2 }), pain, 11).status).toBe('not_on_track');
	});

	it('too few clients like them (fewer than 20, or than k when k is larger), too early, no scores', () => {
		expect(judgeClient(client(at(6, 9, 4, 1, 19), at(5, 9, 4)), pain, 11).status).toBe('too_few');
		expect(referenceClients(11)).toBe(20);
		expect(referenceClients(25)).toBe(25);
		expect(judgeClient(client(at(6, 9, 4, 1, 24), at(5, 9, 4)), pain, 25).status).toBe('too_few');
		expect(judgeClient(client(at(2, 9, 4), at(1, 7, 7), { scored: 2 }), pain, 11).status).toBe('too_early');
		expect(judgeClient(client(at(4, 9, 4), null, { scored: 1, startSession: 4 }), pain, 11).status).toBe('too_early');
		expect(judgeClient(client(null, null, { startScore: null, scored: 0 }), pain, 11).status).toBe('no_scores');
	});

	it('says why in words, with the numbers behind the verdict', () => {
		const v = judgeClient(client(at(6, 7, 4.04, 1.2, 87), at(5, 7, 4.3)), pain, 11);
		expect(whyText(v, pain)).toBe(
			'Pain 7 before session 6; clients with neck pain who started at 7 average 4.0 there, usually 2.5 to 5.6 (87 clients). Before session 5: 7, expected 4.3. No better than at the start (7).'
		);
		expect(whyText(judgeClient(client(at(6, 9, 4, 1, 5), at(5, 9, 4)), pain, 11), pain)).toBe(
			'Pain 9 before session 6: fewer clients with neck pain reached that session than an expected course needs.'
		);
	});
});

describe('a client’s course as drawn', () => {
	it('every scored session, the expected course up to four sessions past the last score, the band within 0-10', () => {
		const points = coursePoints(
			{
				clientId: 'CABC234', condition: 'neck_pain', startScore: 9,
				scores: [{ session: 1, date: null, score: 9 }, { session: 2, date: null, score: 9 }, { session: 3, date: null, score: 9 }],
				expected: [1, 2, 3, 4, 5, 6, 7, 8].map((session) => ({ session, n: session === 2 ? 10 : 40, mean: session === 1 ? 9.2 : 9.5 - session, sd: 1 }))
			},
			pain,
			20
		);
		expect(points.map((p) => p.session)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(points[0]).toEqual({ session: 1, score: 9, expected: 9.2, low: 9.2 - 1.2816, high: 10, behind: false });
		// Session 2 rests on 10 clients: no expectation is drawn there.
		expect(points[1]).toEqual({ session: 2, score: 9, expected: null, low: null, high: null, behind: false });
		expect(points[2]).toMatchObject({ session: 3, score: 9, expected: 6.5, behind: true });
		expect(points[6]).toMatchObject({ session: 7, score: null, expected: 2.5, behind: false });
	});
});
