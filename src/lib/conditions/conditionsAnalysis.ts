import type { Connector } from '$lib/db';
import { ALL_TECHNIQUES, type Measure } from '$lib/queries';
import { DOSE_BUCKETS, queryDoseResponse, type DoseRow } from '$lib/queries/doseResponse';
import { attendanceRows, type RetentionRow } from '$lib/queries/retention';
import { MAX_SESSION, querySessionCurves, type SessionCurveRow } from '$lib/queries/sessionCurves';
import { isUnstable, meanInterval } from '$lib/stats';
import { checkedK, doseTotalShown, hiddenDoseBuckets, hiddenSessionCounts, suppressSmallCells, type SessionCount, type ShownAttendance, type Suppressed } from '$lib/disclosure';

/** A mean's 95% CI: null bounds when the point is hidden or has no interval (one client). */
interface WithInterval {
	lower: number | null;
	upper: number | null;
	/** Shown, and from fewer than 20 clients. Never set on a hidden point, so it says nothing about its size. */
	unstable: boolean;
}

/** One point of a session curve, after suppression (a hidden point's numbers are null). */
export type CurvePoint = Suppressed<SessionCurveRow> & WithInterval;

/** Clients still attending at a session number with a score there (the curve's n), after suppression. */
export interface RetentionPoint {
	session: number;
	technique: string;
	/** Clients with a score before this session, or null when hidden. */
	clients: number | null;
	/** The technique's clients with a score before session 1, or null when hidden here or at session 1. */
	started: number | null;
	/** clients / started, or null when either is hidden. */
	share: number | null;
	suppressed: boolean;
}

/** Across-course change of one course-length bucket, after suppression. */
export type DosePoint = Suppressed<DoseRow> & WithInterval & { label: string };

/** Everything the conditions page shows for one condition and outcome, with suppression applied once, here. */
export interface ConditionsModel {
	/** The condition code, or null for every condition. */
	condition: string | null;
	measure: Measure;
	k: number;
	curves: CurvePoint[];
	retention: RetentionPoint[];
	dose: DosePoint[];
	/** Clients with a score before session 1 (the attendance count there), or null when that count is hidden. */
	clients: number | null;
	/**
	 * Clients with an across-course change (the dose buckets' total), or null when fewer than k, when it differs
	 * from the attendance count at session 2 by 1 to k - 1 (the difference would count a small group, e.g. the few
	 * clients with only one score), or when that count is hidden (it would state it).
	 */
	doseClients: number | null;
}

function withInterval<T extends { clients: number; mean: number; sd: number | null }>(row: Suppressed<T>): Suppressed<T> & WithInterval {
	if (row.suppressed) return { ...row, lower: null, upper: null, unstable: false };
	const interval = meanInterval({ n: row.clients, mean: row.mean, sd: row.sd ?? NaN });
	return { ...row, lower: interval?.lower ?? null, upper: interval?.upper ?? null, unstable: isUnstable(row.clients) };
}

/** The rows with the given ones blanked exactly as suppressSmallCells blanks a small cell: one mechanism for all. */
function blankHidden<T extends object>(rows: readonly T[], hidden: ReadonlySet<T>, k: number): Suppressed<T>[] {
	return suppressSmallCells(rows, { k, clients: (r) => (hidden.has(r) ? 0 : k) });
}

/**
 * Hides points from fewer than k clients, points whose count differs from another shown one of their series by
 * fewer than k (counts along session numbers are nested), and enough further points that none of these can be
 * recovered by subtraction within a session (hiddenSessionCounts). The all-techniques point is not in its session's
 * group: with every technique hidden it reveals none of them. Session numbers are kept on hidden points (they are
 * positions, not counts).
 */
function suppressWithinSessions<T extends SessionCount>(rows: readonly T[], k: number): Suppressed<T>[] {
	return blankHidden(rows, hiddenSessionCounts(rows, k), k)
		.map((r, i) => ({ ...r, session: rows[i].session }))
		.sort((a, b) => a.session - b.session);
}

export function sessionCurvePoints(rows: readonly SessionCurveRow[], k: number): CurvePoint[] {
	return suppressWithinSessions(rows, k).map(withInterval);
}

/**
 * Suppressed as the session curves are; from the same counts (attendanceRows), so the same points are hidden and a
 * shown count equals the curve's n at its point. The share is given only where the technique's start count is shown
 * too, since share and count together would state it.
 */
export function retentionPoints(rows: readonly RetentionRow[], k: number): RetentionPoint[] {
	const shown = suppressWithinSessions(rows, k);
	const startShown = new Set(shown.filter((r) => r.session === 1 && !r.suppressed).map((r) => r.technique));
	return shown.map(({ session, technique, clients, started, suppressed }) => {
		const whole = !suppressed && startShown.has(technique);
		return { session, technique, clients, started: whole ? started : null, share: whole ? clients / started : null, suppressed };
	});
}

/**
 * The dose buckets, with those hiddenDoseBuckets hides blanked (see there for the rules, `missing` and `attendance`);
 * without `attendance` only the size rules apply.
 */
export function dosePoints(rows: readonly DoseRow[], k: number, missing = 0, attendance: ShownAttendance = () => undefined): DosePoint[] {
	const hidden = hiddenDoseBuckets(rows, k, missing, attendance);
	return blankHidden(rows, new Set(rows.filter((r) => hidden.has(r))), k).map((r, i) => ({
		...withInterval(r),
		bucket: rows[i].bucket,
		label: DOSE_BUCKETS[rows[i].bucket].label
	}));
}

/** The session curves, attendance and dose-response of a condition's clients (every condition when null). */
export async function loadConditions(db: Connector, condition: string | null, measure: Measure, k: number): Promise<ConditionsModel> {
	checkedK(k);
	const curves = await querySessionCurves(db, condition, measure);
	// Attendance counts the curves' own n, so no difference between the two charts counts anyone.
	const retention = attendanceRows(curves);
	const dose = await queryDoseResponse(db, condition, measure);
	const overall = (session: number) => retention.find((r) => r.session === session && r.technique === ALL_TECHNIQUES)?.clients ?? 0;
	const attendance = retentionPoints(retention, k);
	const shownAttendance: ShownAttendance = (session) => {
		const point = attendance.find((p) => p.session === session && p.technique === ALL_TECHNIQUES);
		return session > MAX_SESSION ? undefined : point === undefined ? 0 : point.clients;
	};
	const courses = dose.reduce((sum, r) => sum + r.clients, 0);
	const gap = Math.abs(overall(2) - courses);
	const first = shownAttendance(1);
	return {
		condition,
		measure,
		k,
		curves: sessionCurvePoints(curves, k),
		retention: attendance,
		dose: dosePoints(dose, k, gap, shownAttendance),
		clients: typeof first === 'number' && first >= k ? first : null,
		doseClients: courses >= k && doseTotalShown(gap, shownAttendance, k) ? courses : null
	};
}
