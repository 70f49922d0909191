/** A group's per-client changes summarised, before suppression: n clients, their mean and sample SD. */
export interface GroupChange {
	/** The group's code: a condition or a technique. */
	group: string;
	/** Clients with a change. */
	n: number;
	mean: number;
	/** Sample SD (n - 1); null for a single client. */
	sd: number | null;
}

/** Groups most clients first, then by code, so the order does not depend on the engine. */
export function byClients(a: GroupChange, b: GroupChange): number {
	return b.n - a.n || a.group.localeCompare(b.group);
}
