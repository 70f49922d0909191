import { DOSE_BUCKETS, type DoseRow } from '$lib/queries/doseResponse';
import { MAX_SESSION } from '$lib/queries/sessionCurves';
import { secondarySuppression } from './suppression';

/**
 * The attendance chart's all-techniques count at a session number as a reader sees it: the count (0 where nobody has
 * a score), null where it is hidden, undefined where the chart says nothing (beyond its last session number).
 */
export type ShownAttendance = (session: number) => number | null | undefined;

/** Clients of the dose buckets' total who are not in the attendance count at session 2, or the other way round. */
interface MissingCell {
	bucket: -1;
	clients: number;
}

/**
 * Whether a reader knows the dose buckets' total: from the attendance count at session 2 when the two differ by 0
 * (`missing`), or stated beside it when they differ by k or more (a smaller difference would count a small group).
 */
export function doseTotalShown(missing: number, attendance: ShownAttendance, k: number): boolean {
	return typeof attendance(2) === 'number' && (missing === 0 || missing >= k);
}

/**
 * The dose buckets to hide (and the `missing` cell, when it is small), so that no bucket, and no sum of buckets set
 * against the attendance chart, counts a group of fewer than k clients:
 *
 * 1. A bucket from fewer than k clients. The buckets add up to (nearly) the attendance count at session 2; the
 *    clients in one and not the other (`missing`) are a cell of the same total, so a small one is hidden, and
 *    secondary suppression hides buckets until a hidden cell has k clients.
 * 2. A bucket of courses of a to b sessions counts nearly the clients attending at session a minus those at b + 1:
 *    where either count is hidden, the bucket would state it, and is hidden too, never alone (the total would give it
 *    back).
 * 3. Attendance counts clients with a score, buckets clients by sessions attended, so the two differ by the few who
 *    skipped a score: any sum of buckets a reader can work out that differs from the attendance counts it spans by 1
 *    to k - 1 hides one more bucket of the sum (its smallest shown one).
 *
 * Each round applies the first rule that hides something new; the hidden set only grows, so the loop ends.
 */
export function hiddenDoseBuckets(rows: readonly DoseRow[], k: number, missing: number, attendance: ShownAttendance): Set<DoseRow | MissingCell> {
	const missingCell: MissingCell = { bucket: -1, clients: missing };
	const cells: (DoseRow | MissingCell)[] = missing > 0 ? [...rows, missingCell] : [...rows];
	const bounds = (r: DoseRow) => [DOSE_BUCKETS[r.bucket].min, DOSE_BUCKETS[r.bucket].max + 1].filter((s) => s <= MAX_SESSION);
	const forAttendance = rows.filter((r) => bounds(r).some((s) => attendance(s) === null));
	const hidden = new Set<DoseRow | MissingCell>([...cells.filter((r) => r.clients < k), ...forAttendance]);
	for (;;) {
		const more = secondarySuppression(cells, hidden, k);
		const smallestShown = rows.filter((r) => !hidden.has(r)).sort((a, b) => a.clients - b.clients)[0];
		const hiddenBuckets = rows.filter((r) => hidden.has(r)).length;
		if (more.length === 0 && forAttendance.length > 0 && hiddenBuckets < 2 && smallestShown) more.push(smallestShown);
		if (more.length === 0) more.push(...attendanceSteps(rows, hidden, k, attendance, doseTotalShown(missing, attendance, k)));
		if (more.length === 0) return hidden;
		for (const cell of more) hidden.add(cell);
	}
}

/**
 * Rule 3: the bucket to hide for the first set of buckets whose sum a reader knows (shown buckets, buckets with no
 * clients, and every hidden bucket together when the total is known) and that differs by 1 to k - 1 from what the
 * attendance counts say (for each run of consecutive buckets, the count at its first session minus the count after its
 * last); none when no set does, or when a set has no shown bucket left to hide.
 */
function attendanceSteps(rows: readonly DoseRow[], hidden: ReadonlySet<unknown>, k: number, attendance: ShownAttendance, totalShown: boolean): DoseRow[] {
	if (rows.length === 0) return [];
	const byBucket = DOSE_BUCKETS.map((_, i) => rows.find((r) => r.bucket === i));
	const lastWithClients = Math.max(...rows.map((r) => DOSE_BUCKETS[r.bucket].max));
	// Beyond the chart's sessions, attendance is known only where no course reaches: then it is 0.
	const attending = (session: number) => (session <= MAX_SESSION ? attendance(session) : session > lastWithClients ? 0 : undefined);
	const hiddenBuckets = byBucket.flatMap((r, i) => (r && hidden.has(r) ? [i] : []));
	for (let set = 1; set < 1 << DOSE_BUCKETS.length; set++) {
		const members = DOSE_BUCKETS.map((_, i) => i).filter((i) => set & (1 << i));
		const hiddenMembers = members.filter((i) => hiddenBuckets.includes(i));
		if (hiddenMembers.length > 0 && !(totalShown && hiddenMembers.length === hiddenBuckets.length)) continue;
		const implied = attendanceDifference(members, attending);
		if (implied === undefined) continue;
		const sum = members.reduce((n, i) => n + (byBucket[i]?.clients ?? 0), 0);
		if (sum === implied || Math.abs(sum - implied) >= k) continue;
		// A set of hidden buckets only is their total minus the shown ones: hiding any shown bucket changes it.
		const inSet = members.flatMap((i) => byBucket[i] ?? []).filter((r) => !hidden.has(r));
		const candidates = inSet.length > 0 || hiddenMembers.length === 0 ? inSet : rows.filter((r) => !hidden.has(r));
		const toHide = [...candidates].sort((a, b) => a.clients - b.clients)[0];
		if (toHide) return [toHide];
	}
	return [];
}

/** What attendance says a set of buckets counts: per run of consecutive buckets, attending at its start minus after its end. */
function attendanceDifference(members: readonly number[], attending: (session: number) => number | null | undefined): number | undefined {
	let total = 0;
	for (let i = 0; i < members.length; i++) {
		if (members[i - 1] === members[i] - 1) continue;
		let last = i;
		while (members[last + 1] === members[last] + 1) last++;
		const start = attending(DOSE_BUCKETS[members[i]].min);
		const after = attending(DOSE_BUCKETS[members[last]].max + 1);
		if (typeof start !== 'number' || typeof after !== 'number') return undefined;
		total += start - after;
	}
	return total;
}
