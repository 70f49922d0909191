/** One client's quasi-identifiers at one clinic, as stored, and how many export rows they have there. */
export interface ClientGroupRow {
	client_id: string;
	age_band: string | null;
	sex: string | null;
	primary_condition: string | null;
	/** The quarter of the client's first session in the export, e.g. `2025-Q1`. */
	first_visit: string | null;
	/** Null when the clinic is not exported (and so not a quasi-identifier). */
	clinic_id: string | null;
	/** Score rows of this client at this clinic. */
	rows: number;
}

/** Clients and rows an export keeps and leaves out. */
export interface KeptCounts {
	clients: number;
	rows: number;
	leftOutClients: number;
	leftOutRows: number;
	/** Distinct combinations of the (recoded) quasi-identifiers in the export. */
	combinations: number;
}

/** Which clients an export may include, and how many clients and rows were left out. */
export interface KAnonymousClients extends KeptCounts {
	/** The clients whose rows are exported. */
	kept: Set<string>;
}

/** The groups' clients numbered 0, 1, ... and each group's client number, so the search can use arrays. */
export interface NumberedGroups {
	clientIds: string[];
	clientOf: Int32Array;
	rows: readonly number[];
}

export function numberGroups(groups: readonly ClientGroupRow[]): NumberedGroups {
	const index = new Map<string, number>();
	const clientOf = Int32Array.from(groups, (g) => {
		let i = index.get(g.client_id);
		if (i === undefined) index.set(g.client_id, (i = index.size));
		return i;
	});
	return { clientIds: [...index.keys()], clientOf, rows: groups.map((g) => g.rows) };
}

/**
 * k-anonymity by suppression: a client is kept only if every combination they appear in (one per clinic, when the
 * clinic is a quasi-identifier) is shared by at least k kept clients. Leaving a client out can shrink another
 * combination (a client seen at two clinics), so clients are left out until nothing changes. `keys[i]` is group
 * i's combination; a client has one group per combination at most, so groups in a combination are distinct clients.
 */
export function suppressRareCombinations(groups: NumberedGroups, keys: ArrayLike<number | string>, k: number): { kept: Uint8Array } & KeptCounts {
	const kept = new Uint8Array(groups.clientIds.length).fill(1);
	const n = groups.clientOf.length;
	for (;;) {
		const members = new Map<number | string, number>();
		for (let i = 0; i < n; i++) if (kept[groups.clientOf[i]]) members.set(keys[i], (members.get(keys[i]) ?? 0) + 1);
		let changed = false;
		for (let i = 0; i < n; i++) {
			if (kept[groups.clientOf[i]] && members.get(keys[i])! < k) {
				kept[groups.clientOf[i]] = 0;
				changed = true;
			}
		}
		if (!changed) {
			let rows = 0;
			let keptRows = 0;
			for (let i = 0; i < n; i++) {
				rows += groups.rows[i];
				if (kept[groups.clientOf[i]]) keptRows += groups.rows[i];
			}
			const clients = kept.reduce((sum, x) => sum + x, 0);
			const leftOutClients = groups.clientIds.length - clients;
			return { kept, clients, rows: keptRows, leftOutClients, leftOutRows: rows - keptRows, combinations: members.size };
		}
	}
}

/** The quasi-identifier combination of a group as stored (no recoding). */
export function quasiIdentifierKey(row: Omit<ClientGroupRow, 'client_id' | 'rows'>): string {
	return JSON.stringify([row.age_band, row.sex, row.primary_condition, row.first_visit, row.clinic_id]);
}

/** k-anonymity by suppression alone, over the quasi-identifiers as stored. */
export function kAnonymousClients(groups: readonly ClientGroupRow[], k: number): KAnonymousClients {
	const numbered = numberGroups(groups);
	const { kept, ...counts } = suppressRareCombinations(numbered, groups.map(quasiIdentifierKey), k);
	return { ...counts, kept: new Set(numbered.clientIds.filter((_, i) => kept[i])) };
}
