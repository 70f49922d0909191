import type { Connector } from '$lib/db';
import type { Measure } from '$lib/measures';
import { querySessionCurves, type SessionCurveRow } from './sessionCurves';

/** Clients of one course technique still attending at a session number with a score there, before suppression. */
export interface RetentionRow {
	session: number;
	/** Course technique, or ALL_TECHNIQUES. */
	technique: string;
	/** Clients with a score before this session: the session curve's n at the same point. */
	clients: number;
	/** The technique's clients with a score before session 1 (0 when none): the share's denominator. */
	started: number;
}

/**
 * Attendance counted exactly as the session curves count their n: a client is still attending at session s when
 * they have a score before session s, so a session without a score does not count. Were attendance counted by
 * sessions alone, its count and the curve's n at the same point would differ by the few clients who came without
 * a score, and subtracting one from the other would count them. Sessions nobody has a score at are left out.
 */
export function attendanceRows(curves: readonly SessionCurveRow[]): RetentionRow[] {
	const atFirst = new Map(curves.filter((r) => r.session === 1).map((r) => [r.technique, r.clients]));
	return curves.map(({ session, technique, clients }) => ({ session, technique, clients, started: atFirst.get(technique) ?? 0 }));
}

/**
 * Clients with a score of the measure before session s, s = 1..MAX_SESSION, by course technique and over all
 * techniques, for a condition's clients (every condition when null): the session curves' rows, counted only.
 */
export async function queryRetention(db: Connector, condition: string | null, measure: Measure): Promise<RetentionRow[]> {
	return attendanceRows(await querySessionCurves(db, condition, measure));
}
