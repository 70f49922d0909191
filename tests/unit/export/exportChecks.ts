import type { ExportCell, ExportData } from '$lib/export';

/** A row's value in a named column. */
export const cell = (data: ExportData, row: readonly ExportCell[], name: string): ExportCell => row[data.columns.findIndex((c) => c.name === name)];

/** The client-level quasi-identifier columns, read back from the exported rows alone. */
const CLIENT_COLUMNS = ['age_band', 'sex', 'condition', 'first_visit'];

/**
 * Independent of the export's code: groups the exported rows by every quasi-identifier column (the clinic too when
 * exported) and counts the distinct clients in each combination. Throws if a client's client-level columns differ
 * between rows, since the count would then not be the one an attacker sees.
 */
export function combinationSizes(data: ExportData, includeClinic: boolean): Map<string, number> {
	const byClient = new Map<unknown, string>();
	const clients = new Map<string, Set<ExportCell>>();
	for (const row of data.rows) {
		const id = cell(data, row, 'client_id');
		const own = JSON.stringify(CLIENT_COLUMNS.map((name) => cell(data, row, name)));
		if ((byClient.get(id) ?? own) !== own) throw new Error(`client ${id} has two values of its quasi-identifiers: ${byClient.get(id)} and ${own}`);
		byClient.set(id, own);
		const key = JSON.stringify([own, includeClinic ? cell(data, row, 'clinic_id') : null]);
		clients.set(key, (clients.get(key) ?? new Set()).add(id));
	}
	return new Map([...clients].map(([key, ids]) => [key, ids.size]));
}

/** Each client's days_since_first_visit, in row order. */
export function daysByClient(data: ExportData): Map<string, number[]> {
	const days = new Map<string, number[]>();
	for (const row of data.rows) {
		const id = cell(data, row, 'client_id') as string;
		days.set(id, [...(days.get(id) ?? []), cell(data, row, 'days_since_first_visit') as number]);
	}
	return days;
}
