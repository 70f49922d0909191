import type { CoursePoint } from '$lib/charts/expectedCourseChart';
import type { Measure } from '$lib/measures';
import type { ClientCourse } from '$lib/queries/clientsOnTrack';
import { compare, usualBand } from './judgeClient';

/** Sessions of the expected course shown past the client's last scored one (where they are heading). */
const AHEAD = 4;

/**
 * A client's course as the chart and its table show it: each session with a score or an expected score (the
 * expected course only where at least `minClients` clients like them reached that session, and up to AHEAD
 * sessions past the client's last score), the band within the instrument's range.
 */
export function coursePoints(course: ClientCourse, measure: Measure, minClients: number): CoursePoint[] {
	const { min, max } = measure.instrument;
	const scores = new Map(course.scores.map((s) => [s.session, s.score]));
	const expected = new Map(course.expected.filter((e) => e.n >= minClients).map((e) => [e.session, e]));
	const until = Math.max(...scores.keys(), 1) + AHEAD;
	const sessions = [...new Set([...scores.keys(), ...expected.keys()])].filter((s) => s <= until).sort((a, b) => a - b);
	return sessions.map((session) => {
		const score = scores.get(session) ?? null;
		const e = expected.get(session);
		if (!e) return { session, score, expected: null, low: null, high: null, behind: false };
		const band = usualBand(e.mean, e.sd);
		const judged = score === null ? null : compare({ session, score, n: e.n, mean: e.mean, sd: e.sd }, measure, minClients);
		return { session, score, expected: e.mean, low: Math.max(min, band.low), high: Math.min(max, band.high), behind: judged?.beyondBand ?? false };
	});
}
