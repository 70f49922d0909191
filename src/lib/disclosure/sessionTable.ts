import { ALL_TECHNIQUES } from '$lib/queries';
import { suppressNestedSeries } from './nestedSeries';
import { secondarySuppression } from './suppression';

/** One count of a session × technique table: clients at a session number in one course technique, or in all. */
export interface SessionCount {
	session: number;
	/** Course technique, or ALL_TECHNIQUES for the session's total (the sum of its techniques). */
	technique: string;
	clients: number;
}

/** A session's cells: its total, and its techniques by code. */
interface SessionCells<T> {
	total: T | undefined;
	techniques: Map<string, T>;
}

/**
 * The cells to hide in a session × technique table of nested counts (the session curves' n, the clients still
 * attending), so that no shown count, no difference of two shown counts and no count worked out from a session's
 * total comes from fewer than k clients. Three rules:
 *
 * 1. Along each series (a technique, or all of them): the step rule, suppressNestedSeries.
 * 2. Within a session, whose techniques add up to its total: secondary suppression of the techniques.
 * 3. Across both: a session's hidden techniques add up to its total minus its shown ones. Set against the same
 *    techniques at another session, that sum must differ by 0 or by at least k, or a step that rule 1 hid comes back
 *    (e.g. a technique hidden because 5 of its clients stopped, and the only one hidden at its session). Otherwise
 *    one more technique of the session is hidden, or its total when none is left.
 *
 * Rule 1 runs first, so a technique it hid with k clients or more already satisfies rule 2 and spares a shown
 * neighbour. Rules 2 and 3 add cells to a set forced hidden; each round reapplies rule 1 on that set (a point hidden
 * only beside one that is now forced may come back) and forces at least one new cell, or stops. The forced set only
 * grows and is bounded by the table, so the loop ends, on a round where rule 1 was just applied and rules 2 and 3
 * hide nothing more: all three hold together.
 */
export function hiddenSessionCounts<T extends SessionCount>(cells: readonly T[], k: number): Set<T> {
	const sessions = new Map<number, SessionCells<T>>();
	const series = new Map<string, T[]>();
	for (const cell of [...cells].sort((a, b) => a.session - b.session)) {
		const session = sessions.get(cell.session) ?? { total: undefined, techniques: new Map() };
		if (cell.technique === ALL_TECHNIQUES) session.total = cell;
		else session.techniques.set(cell.technique, cell);
		sessions.set(cell.session, session);
		series.set(cell.technique, [...(series.get(cell.technique) ?? []), cell]);
	}
	const forced = new Set<T>();
	for (;;) {
		const hidden = new Set(forced);
		for (const points of series.values()) {
			const stepHidden = suppressNestedSeries(points.map((p) => (forced.has(p) ? null : p.clients)), { k });
			points.forEach((p, i) => stepHidden[i] && hidden.add(p));
		}
		const more = [...sessions.values()].flatMap((s) => secondarySuppression([...s.techniques.values()], hidden, k));
		if (more.length === 0) more.push(...derivedSteps(sessions, hidden, k));
		if (more.length === 0) return hidden;
		for (const cell of more) forced.add(cell);
	}
}

/**
 * Rule 3: the cell to hide at the first session whose total lets one work out a sum of hidden cells that differs from
 * the same techniques' sum at another session by 1 to k - 1 clients; none when there is no such session. For nested
 * counts the smallest set of techniques worked out at both sessions decides (adding a technique shown at both adds 0
 * or at least k); score counts are only nearly nested, so the largest set (every technique known at both) is checked too.
 */
function derivedSteps<T extends SessionCount>(sessions: Map<number, SessionCells<T>>, hidden: ReadonlySet<T>, k: number): T[] {
	const techniques = [...new Set([...sessions.values()].flatMap((s) => [...s.techniques.keys()]))];
	const hiddenAt = (s: SessionCells<T>) => new Set([...s.techniques].filter(([, cell]) => hidden.has(cell)).map(([code]) => code));
	const totalShown = (s: SessionCells<T>) => s.total !== undefined && !hidden.has(s.total);
	const totalKnown = (s: SessionCells<T>) => totalShown(s) || (s.techniques.size > 0 && hiddenAt(s).size === 0);
	const sum = (s: SessionCells<T>, codes: Iterable<string>) => [...codes].reduce((n, code) => n + (s.techniques.get(code)?.clients ?? 0), 0);
	const smallStep = (a: number, b: number) => a !== b && Math.abs(a - b) < k;
	for (const session of sessions.values()) {
		const h = hiddenAt(session);
		const remainder = h.size > 0 && totalShown(session);
		const derivedTotal = h.size === 0 && session.techniques.size > 0 && !totalShown(session);
		if (!remainder && !derivedTotal) continue;
		for (const other of sessions.values()) {
			if (other === session) continue;
			const h2 = hiddenAt(other);
			const sets: Iterable<string>[] = [];
			if (remainder && ![...h].some((code) => h2.has(code))) sets.push(h, techniques.filter((code) => !h2.has(code)));
			if (remainder && totalKnown(other)) sets.push(new Set([...h, ...h2]));
			if (totalKnown(other)) sets.push(techniques);
			if (sets.some((codes) => smallStep(sum(session, codes), sum(other, codes)))) return [nextToHide(session, hidden)];
		}
	}
	return [];
}

/** The session's smallest shown technique, or its total when every technique is hidden. */
function nextToHide<T extends SessionCount>(session: SessionCells<T>, hidden: ReadonlySet<T>): T {
	const shown = [...session.techniques.values()].filter((c) => !hidden.has(c)).sort((a, b) => a.clients - b.clients);
	return shown[0] ?? session.total!;
}
