import type { SqlParam } from '$lib/db/connector';
import type { Instrument } from '$lib/domain/instruments';
import { exceeds, reaches, thresholdTolerance } from './tolerance';

/** How a course counts as improved: thresholds in the outcome's units, worked out for the clients compared. */
export interface CourseThresholds {
	/** Improvement of at least this many points is a response (the absolute MCID, or 0.5 × baseline SD). */
	points: number | null;
	/** Improvement of at least this share of the room to improve is a response (the MCID's % rule), e.g. 0.3. */
	share: number | null;
	/** Improvement by more than this is reliable change (Jacobson-Truax: 1.96 × S_diff, or the published MDC95). */
	reliable: number | null;
}

/**
 * One course as the responder rules read it, signed so that improvement is positive: `change` (end - baseline)
 * and `room`, the distance from the baseline to the better end of the scale (the baseline itself for pain 0-10).
 */
export interface CourseChange {
	change: number;
	room: number;
}

/** The counts a selection of courses gives under the rules. A rule with no threshold counts nobody. */
export interface ResponderCounts {
	/** Courses whose baseline leaves room to improve by `points` (the others cannot respond by that rule). */
	pointsEligible: number;
	/** Of those, courses improving by at least `points`. */
	pointsResponders: number;
	/** Courses with room to improve that improved by at least `share` of it; a course from 0 has none. */
	shareResponders: number;
	/** Courses improving by more than `reliable`. */
	reliableImproved: number;
}

/** Whether the baseline leaves room to improve by the points rule. */
export function canRespond(course: CourseChange, rules: CourseThresholds, tolerance: number): boolean {
	return rules.points !== null && reaches(course.room, rules.points, tolerance);
}

/** A responder by the points rule: room to improve by `points`, and an improvement of at least that. */
export function isPointsResponder(course: CourseChange, rules: CourseThresholds, tolerance: number): boolean {
	return canRespond(course, rules, tolerance) && reaches(course.change, rules.points!, tolerance);
}

/** A responder by the % rule: some room to improve, and an improvement of at least `share` of it. 0 → 0 is not. */
export function isShareResponder(course: CourseChange, rules: CourseThresholds, tolerance: number): boolean {
	return rules.share !== null && course.room > tolerance && reaches(course.change, rules.share * course.room, tolerance);
}

/** Reliable improvement: more than the reliable-change threshold. */
export function isReliablyImproved(course: CourseChange, rules: CourseThresholds, tolerance: number): boolean {
	return rules.reliable !== null && exceeds(course.change, rules.reliable, tolerance);
}

/** The responder counts of courses, as responderCountsSql counts them in SQL. */
export function countResponders(courses: readonly CourseChange[], rules: CourseThresholds, tolerance: number): ResponderCounts {
	const count = (test: (c: CourseChange) => boolean) => courses.filter(test).length;
	return {
		pointsEligible: count((c) => canRespond(c, rules, tolerance)),
		pointsResponders: count((c) => isPointsResponder(c, rules, tolerance)),
		shareResponders: count((c) => isShareResponder(c, rules, tolerance)),
		reliableImproved: count((c) => isReliablyImproved(c, rules, tolerance))
	};
}

/** SQL over course rows (column `room`): the baseline leaves room to improve by the points rule. Bound thresholds. */
export function canRespondSql(rules: CourseThresholds, instrument: Pick<Instrument, 'resolution'>): { sql: string; params: SqlParam[] } {
	return { sql: 'room >= CAST(? AS DOUBLE) - CAST(? AS DOUBLE)', params: [rules.points, thresholdTolerance(instrument)] };
}

/**
 * The select list counting responders over course rows (columns `change` and `room`, as courseRowsSql gives them),
 * named as ResponderCounts; thresholds and the tolerance are bound parameters, in the order of `params`. The one
 * place the responder rules are written in SQL; countResponders is the same in TypeScript.
 */
export function responderCountsSql(rules: CourseThresholds, instrument: Pick<Instrument, 'resolution'>): { sql: string; params: SqlParam[] } {
	const tolerance = thresholdTolerance(instrument);
	const eligible = canRespondSql(rules, instrument);
	const p = 'CAST(? AS DOUBLE)';
	return {
		sql: `CAST(count(*) FILTER (WHERE ${eligible.sql}) AS INTEGER) AS pointsEligible,
			CAST(count(*) FILTER (WHERE ${eligible.sql} AND change >= ${p} - ${p}) AS INTEGER) AS pointsResponders,
			CAST(count(*) FILTER (WHERE room > ${p} AND change >= ${p} * room - ${p}) AS INTEGER) AS shareResponders,
			CAST(count(*) FILTER (WHERE change > ${p} + ${p}) AS INTEGER) AS reliableImproved`,
		params: [
			...eligible.params,
			...eligible.params, rules.points, tolerance,
			tolerance, rules.share, tolerance,
			rules.reliable, tolerance
		]
	};
}
