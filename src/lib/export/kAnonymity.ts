/** One client's quasi-identifiers at one clinic, and how many export rows they have there. */
export interface ClientGroupRow {
	client_id: string;
	age_band: string | null;
	sex: string | null;
	primary_condition: string | null;
	/** Null when the clinic is not exported (and so not a quasi-identifier). */
	clinic_id: string | null;
	/** Score rows of this client at this clinic. */
	rows: number;
}

/** Which clients an export may include, and how many clients and rows were left out. */
export interface KAnonymousClients {
	/** The clients whose rows are exported. */
	kept: Set<string>;
	clients: number;
	rows: number;
	leftOutClients: number;
	leftOutRows: number;
	/** Distinct (age band, sex, condition[, clinic]) combinations in the export. */
	combinations: number;
}

/** The quasi-identifier combination a row belongs to. */
export function quasiIdentifierKey(row: Omit<ClientGroupRow, 'client_id' | 'rows'>): string {
	return JSON.stringify([row.age_band, row.sex, row.primary_condition, row.clinic_id]);
}

/**
 * k-anonymity over (age_band, sex, primary_condition, clinic_id): a client is kept only if every combination they
 * appear in is shared by at least k kept clients. Leaving a client out can shrink another combination (a client
 * seen at two clinics), so clients are left out until nothing changes.
 */
export function kAnonymousClients(groups: readonly ClientGroupRow[], k: number): KAnonymousClients {
	const kept = new Set(groups.map((g) => g.client_id));
	const all = kept.size;
	for (;;) {
		const members = new Map<string, Set<string>>();
		for (const g of groups) {
			if (!kept.has(g.client_id)) continue;
			const key = quasiIdentifierKey(g);
			members.set(key, (members.get(key) ?? new Set()).add(g.client_id));
		}
		const tooRare = groups.filter((g) => kept.has(g.client_id) && members.get(quasiIdentifierKey(g))!.size < k);
		if (tooRare.length === 0) {
			const rows = groups.reduce((sum, g) => sum + g.rows, 0);
			const keptRows = groups.reduce((sum, g) => sum + (kept.has(g.client_id) ? g.rows : 0), 0);
			return { kept, clients: kept.size, rows: keptRows, leftOutClients: all - kept.size, leftOutRows: rows - keptRows, combinations: members.size };
		}
		for (const g of tooRare) kept.delete(g.client_id);
	}
}
