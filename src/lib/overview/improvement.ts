import { protect } from '$lib/disclosure';
import type { GroupChange } from '$lib/queries';
import { meanInterval } from '$lib/stats/meanInterval';

/** A group's mean change with its 95% CI, as shown. */
export interface ShownChange {
	/** Clients the mean rests on. */
	n: number;
	mean: number;
	/** The t interval's ends; null for a single client. */
	lower: number | null;
	upper: number | null;
}

/** One group of the improvement figure: each change null when hidden (or when the group has none). */
export interface ImprovementRow {
	/** A condition's or a technique's code. */
	group: string;
	/** Across-course pain change (first pre to last pre) of the group's clients. */
	course: ShownChange | null;
	/** Within-session pain change: each client's mean over their sessions, then over clients. */
	within: ShownChange | null;
}

export interface ImprovementGroups {
	/** Groups with at least one change shown, most clients first. */
	rows: ImprovementRow[];
	/** Group estimates hidden (each change of a group counts once). */
	hidden: number;
	/** Group estimates there were, shown or hidden. */
	total: number;
}

export interface ImprovementOptions {
	k: number;
	/** Each group's clients in the view one control apart (the same group without the condition filter), if any. */
	neighbours?: { course: readonly GroupChange[]; within: readonly GroupChange[] } | null;
}

function shown(change: GroupChange): ShownChange {
	const interval = change.sd === null ? null : meanInterval({ n: change.n, mean: change.mean, sd: change.sd });
	return { n: change.n, mean: change.mean, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
}

/**
 * A grouping's course and within-session changes, protected as cells by the disclosure engine: each mean rests on
 * its n clients, and each grouping's means are one margin of the page's key figure (a condition's clients and a
 * course technique's add up to the key figure's; a client's session techniques overlap, so theirs are treated the
 * same way, as a safe bound). Where a filter narrows the view, a group whose n differs from its n without it by
 * fewer than k is hidden (differencing).
 */
export function protectImprovement(course: readonly GroupChange[], within: readonly GroupChange[], options: ImprovementOptions): ImprovementGroups {
	const { k, neighbours } = options;
	const wide = (list: readonly GroupChange[] | undefined, group: string) => {
		const n = list?.find((g) => g.group === group)?.n;
		return n === undefined ? undefined : [n];
	};
	const cells = [
		...course.map((g) => ({ id: `course:${g.group}`, clients: g.n, neighbours: wide(neighbours?.course, g.group) })),
		...within.map((g) => ({ id: `within:${g.group}`, clients: g.n, neighbours: wide(neighbours?.within, g.group) }))
	];
	const hidden = protect({
		k,
		cells,
		margins: [course.map((g) => `course:${g.group}`), within.map((g) => `within:${g.group}`)]
	});
	const groups = [...new Set([...course, ...within].map((g) => g.group))];
	const pick = (list: readonly GroupChange[], kind: string, group: string) => {
		const change = list.find((g) => g.group === group);
		return change && !hidden.has(`${kind}:${group}`) ? shown(change) : null;
	};
	const rows = groups
		.map((group) => ({ group, course: pick(course, 'course', group), within: pick(within, 'within', group) }))
		.filter((r) => r.course !== null || r.within !== null);
	const courseN = (r: ImprovementRow) => r.course?.n ?? 0;
	rows.sort((a, b) => courseN(b) - courseN(a) || (b.within?.n ?? 0) - (a.within?.n ?? 0) || a.group.localeCompare(b.group));
	return { rows, hidden: hidden.size, total: cells.length };
}
