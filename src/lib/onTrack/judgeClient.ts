import { EXPECTED_COURSE } from '$lib/measures';
import type { Measure } from '$lib/measures';
import type { ClientOnTrackRow, JudgedScore } from '$lib/queries/clientsOnTrack';

/**
 * Where a client stands against their expected course:
 * - `not_on_track`: their last two scores are both worse than expected for clients like them, and on average
 *   beyond the band of usual variation (in SDs: one bad day is not enough, nor a score just inside the band twice);
 *   with no expectation for the score before the last, the last alone must be beyond the band;
 * - `on_track`: judged, and not behind;
 * - `too_few`: fewer clients like them reached that session than the expected course needs;
 * - `too_early`: not yet scored at a session the page judges (the third on), or scored only once;
 * - `no_scores`: never scored on this outcome.
 */
export type OnTrackStatus = 'not_on_track' | 'on_track' | 'too_few' | 'too_early' | 'no_scores';

/** A score against its expectation: how much worse than expected (positive = worse), and the band's worse edge. */
export interface Comparison {
	session: number;
	score: number;
	expected: number;
	/** The band of usual variation at that session, lower and upper score. */
	low: number;
	high: number;
	/** Points worse than expected (negative: better). */
	behind: number;
	/** How far behind, in SDs of clients like them (positive = worse). */
	z: number;
	/** Outside the band, on the worse side. */
	beyondBand: boolean;
	n: number;
}

export interface ClientVerdict {
	row: ClientOnTrackRow;
	status: OnTrackStatus;
	last: Comparison | null;
	previous: Comparison | null;
}

/** Clients an expected score must rest on: the page's minimum, and never fewer than k. */
export const referenceClients = (k: number) => Math.max(EXPECTED_COURSE.minClients, k);

/** The SD an expected score is judged with (never below EXPECTED_COURSE.minSd), and its band of usual variation. */
export function usualBand(mean: number, sd: number | null): { sd: number; low: number; high: number } {
	const judged = Math.max(sd ?? 0, EXPECTED_COURSE.minSd);
	return { sd: judged, low: mean - EXPECTED_COURSE.bandZ * judged, high: mean + EXPECTED_COURSE.bandZ * judged };
}

/** A score set against the expected course at its session, or null where too few clients like them reached it. */
export function compare(score: JudgedScore | null, measure: Measure, minClients: number): Comparison | null {
	if (!score || score.n === null || score.mean === null || score.n < minClients) return null;
	const worseSign = measure.instrument.better === 'lower' ? 1 : -1;
	const { sd, low, high } = usualBand(score.mean, score.sd);
	const spread = high - score.mean;
	const behind = worseSign * (score.score - score.mean);
	return {
		session: score.session,
		score: score.score,
		expected: score.mean,
		low,
		high,
		behind,
		z: behind / sd,
		beyondBand: behind > spread,
		n: score.n
	};
}

/** The verdict for one client (see OnTrackStatus). */
export function judgeClient(row: ClientOnTrackRow, measure: Measure, k: number): ClientVerdict {
	const minClients = referenceClients(k);
	const verdict = (status: OnTrackStatus, last: Comparison | null = null, previous: Comparison | null = null) => ({ row, status, last, previous });
	if (row.startScore === null || !row.last) return verdict('no_scores');
	if (row.scored < 2 || row.last.session < EXPECTED_COURSE.firstJudgedSession) return verdict('too_early');
	const last = compare(row.last, measure, minClients);
	if (!last) return verdict('too_few');
	// The score before the last counts against the client only where an expectation exists for it.
	const previous = row.previous && row.previous.session > (row.startSession ?? 1) ? compare(row.previous, measure, minClients) : null;
	const behind = previous === null ? last.beyondBand : last.behind > 0 && previous.behind > 0 && (last.z + previous.z) / 2 > EXPECTED_COURSE.bandZ;
	return verdict(behind ? 'not_on_track' : 'on_track', last, previous);
}
