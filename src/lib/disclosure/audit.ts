/**
 * The auditor: it reads only what an output published and tries to recover what it hid, as an attacker would
 * (after sdcTable's `attack`; Hundepool et al., Statistical Disclosure Control, 2012, ch. 4). It never decides what is
 * shown: `protect` does that; this module checks it, in tests, on every output.
 *
 * A publication is a set of quantities (counts, sums behind means, responders and non-responders) and the exact
 * linear relations between them that anyone can know (the rows of a table add up to its total row). A quantity is
 * published (its value) or hidden (null); each one also carries, for the audit only, how many clients it truly rests
 * on. The attack solves the relations for the hidden quantities: whatever it can pin down exactly (one hidden
 * quantity, or the sum of the hidden parts of one relation) and rests on 1 to k - 1 clients is a disclosure.
 */

/** One number an output carries, or hides. */
export interface Quantity {
	id: string;
	/** What the output shows, or null where it is hidden. */
	published: number | null;
	/** The clients it truly rests on (known to the audit, not to the attacker). */
	restsOn: number;
}

/** `parts` add up to `whole`, exactly, and a reader of the output knows it. */
export interface Relation {
	parts: readonly string[];
	whole: string;
	/**
	 * The parts are separate groups of clients (the default), so the hidden ones together are a group too. False for
	 * a difference defined by the relation (the clients who stopped between two session numbers, which can be
	 * negative when a client skipped a score): only each part by itself is then a group.
	 */
	disjoint?: boolean;
}

export interface Publication {
	/** What the output is, for the findings' text, e.g. "report 2025-03, conditions". */
	name: string;
	k: number;
	quantities: readonly Quantity[];
	relations: readonly Relation[];
}

/** A hidden quantity (or sum of hidden quantities) the attack pinned down, resting on fewer than k clients. */
export interface Finding {
	publication: string;
	ids: string[];
	value: number;
	restsOn: number;
}

const EPSILON = 1e-7;

/** Rows reduced to echelon form, in place; returns the pivot column of each row kept. */
function echelon(rows: number[][], columns: number): { rows: number[][]; pivots: number[] } {
	const kept: number[][] = [];
	const pivots: number[] = [];
	const work = rows.map((r) => [...r]);
	for (let c = 0; c < columns && work.length > 0; c++) {
		let best = -1;
		for (let r = 0; r < work.length; r++) if (Math.abs(work[r][c]) > EPSILON && (best < 0 || Math.abs(work[r][c]) > Math.abs(work[best][c]))) best = r;
		if (best < 0) continue;
		const [pivot] = work.splice(best, 1);
		const scale = pivot[c];
		for (let j = 0; j < pivot.length; j++) pivot[j] /= scale;
		for (const row of [...work, ...kept]) {
			const factor = row[c];
			if (Math.abs(factor) > EPSILON) for (let j = 0; j < row.length; j++) row[j] -= factor * pivot[j];
		}
		kept.push(pivot);
		pivots.push(c);
	}
	return { rows: kept, pivots };
}

/**
 * The value of sum(weights · unknowns) if the relations pin it down, else null: it is pinned down exactly when the
 * weight vector lies in the row space of the reduced system (reducing it by the pivot rows leaves nothing).
 */
function pinnedDown(reduced: { rows: number[][]; pivots: number[] }, weights: number[]): number | null {
	const residual = [...weights, 0];
	reduced.rows.forEach((row, i) => {
		const factor = residual[reduced.pivots[i]];
		if (Math.abs(factor) > EPSILON) for (let j = 0; j < row.length; j++) residual[j] -= factor * row[j];
	});
	const n = weights.length;
	for (let j = 0; j < n; j++) if (Math.abs(residual[j]) > EPSILON) return null;
	return -residual[n];
}

/** Every disclosure the attack finds in one publication: none means the output is protected against it. */
export function attack(publication: Publication): Finding[] {
	const byId = new Map(publication.quantities.map((q) => [q.id, q]));
	const unknowns = publication.quantities.filter((q) => q.published === null);
	const column = new Map(unknowns.map((q, i) => [q.id, i]));
	const equations: number[][] = [];
	for (const relation of publication.relations) {
		// parts - whole = 0, with published values moved to the right-hand side.
		const row = new Array<number>(unknowns.length + 1).fill(0);
		const terms: [string, number][] = [...relation.parts.map((id) => [id, 1] as [string, number]), [relation.whole, -1]];
		for (const [id, sign] of terms) {
			const q = byId.get(id);
			if (!q) throw new Error(`${publication.name}: relation names an unknown quantity ${id}`);
			if (q.published === null) row[column.get(id)!] += sign;
			else row[unknowns.length] -= sign * q.published;
		}
		equations.push(row);
	}
	const reduced = echelon(equations, unknowns.length);
	const findings: Finding[] = [];
	const small = (restsOn: number) => restsOn > 0 && restsOn < publication.k;
	const probe = (ids: string[]) => {
		const restsOn = ids.reduce((sum, id) => sum + byId.get(id)!.restsOn, 0);
		if (!small(restsOn)) return;
		const weights = new Array<number>(unknowns.length).fill(0);
		for (const id of ids) weights[column.get(id)!] = 1;
		const value = pinnedDown(reduced, weights);
		if (value !== null) findings.push({ publication: publication.name, ids, value, restsOn });
	};
	for (const q of unknowns) probe([q.id]);
	for (const relation of publication.relations) {
		const hiddenParts = relation.parts.filter((id) => column.has(id));
		if (hiddenParts.length > 1 && relation.disjoint !== false) probe(hiddenParts);
	}
	return findings;
}

/** Several publications read together (linked tables of one page): one system, one attack. */
export function together(name: string, publications: readonly Publication[]): Publication {
	const k = Math.min(...publications.map((p) => p.k));
	const seen = new Map<string, Quantity>();
	for (const p of publications) for (const q of p.quantities) if (!seen.has(q.id)) seen.set(q.id, q);
	return { name, k, quantities: [...seen.values()], relations: publications.flatMap((p) => p.relations) };
}

/** A group recovered by differencing: a count published by two views one control apart, differing by 1 to k - 1. */
export interface Difference {
	quantity: string;
	narrow: number;
	wide: number;
}

/**
 * The tracker attack (Denning, Denning & Schwartz 1979): two views a control apart (one month more, one technique
 * added, one condition against all) publish the same counts of clients; where both show a count and they differ by 1
 * to k - 1, the difference counts a group of fewer than k clients that neither view shows.
 */
export function differencing(narrow: ReadonlyMap<string, number | null>, wide: ReadonlyMap<string, number | null>, k: number): Difference[] {
	const found: Difference[] = [];
	for (const [quantity, a] of narrow) {
		const b = wide.get(quantity);
		if (a === null || b === null || b === undefined) continue;
		const gap = Math.abs(b - a);
		if (gap > 0 && gap < k) found.push({ quantity, narrow: a, wide: b });
	}
	return found;
}
