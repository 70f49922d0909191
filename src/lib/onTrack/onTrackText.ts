import { conditionLabel } from '$lib/domain/labels';
import { formatCount, formatScore } from '$lib/format';
import type { Measure } from '$lib/measures';
import type { ClientVerdict, Comparison, OnTrackStatus } from './judgeClient';

export const STATUS_LABELS: Record<OnTrackStatus, string> = {
	not_on_track: 'Not on track',
	on_track: 'On track',
	too_few: 'Too few clients like them',
	too_early: 'Too early to judge',
	no_scores: 'No scores'
};

/** A score as said in a sentence: whole points without a decimal. */
const score = (x: number) => (Number.isInteger(x) ? String(x) : formatScore(x));

/** "usually 2.0 to 5.6": the band of usual variation, within the instrument's range. */
function usual(c: Comparison, measure: Measure): string {
	const { min, max } = measure.instrument;
	return `usually ${formatScore(Math.max(min, c.low))} to ${formatScore(Math.min(max, c.high))}`;
}

/**
 * Why a client is where they are, in a sentence or three a therapist reads: their last score against what clients
 * like them score at that session, the one before, and whether they are back where they started.
 */
export function whyText(verdict: ClientVerdict, measure: Measure): string {
	const name = measure.instrument.measure;
	const { row, last, previous } = verdict;
	switch (verdict.status) {
		case 'no_scores':
			return `No ${name.toLowerCase()} score was recorded for this client.`;
		case 'too_early':
			return row.last
				? `Scored ${row.scored === 1 ? 'once' : `${row.scored} times`}, last before session ${row.last.session}: judged from session 3 on.`
				: 'Not scored yet.';
		case 'too_few':
			return `${name} ${score(row.last!.score)} before session ${row.last!.session}: fewer clients with ${conditionLabel(row.condition).toLowerCase()} reached that session than an expected course needs.`;
	}
	const c = last!;
	const like = `clients with ${conditionLabel(row.condition).toLowerCase()} who started at ${score(row.startScore!)}`;
	const lead = `${name} ${score(c.score)} before session ${c.session}; ${like} average ${formatScore(c.expected)} there, ${usual(c, measure)} (${formatCount(c.n)} clients).`;
	const before = previous ? ` Before session ${previous.session}: ${score(previous.score)}, expected ${formatScore(previous.expected)}.` : '';
	const worseThanStart = measure.instrument.better === 'lower' ? c.score >= row.startScore! : c.score <= row.startScore!;
	const start = verdict.status === 'not_on_track' && worseThanStart ? ` No better than at the start (${score(row.startScore!)}).` : '';
	return lead + before + start;
}

/** The shortfall in a table cell: "2.4 pts worse than expected" or "0.6 pts better". */
export function behindText(c: Comparison | null): string {
	if (!c) return '–';
	const points = formatScore(Math.abs(c.behind));
	return c.behind > 0 ? `${points} pts worse than expected` : `${points} pts better than expected`;
}
