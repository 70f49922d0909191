import { textTableToCsv } from '$lib/ingest/textTable';
import type { Connector } from './connector';
import { quoteIdentifier, quoteLiteral } from './sql';

let sequence = 0;

/**
 * Creates a table of text columns from rows made in the page (value lookups, pseudonym keys). Large lists go in
 * as one CSV file read by DuckDB, not as SQL text, so values never become SQL.
 */
export async function createTextTable(db: Connector, table: string, columns: readonly string[], rows: readonly (string | null)[][]): Promise<void> {
	const name = `text-rows-${++sequence}.csv`;
	await db.registerFile(name, new TextEncoder().encode(textTableToCsv({ headers: [...columns], rows: rows as (string | null)[][] })));
	try {
		const types = columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
		await db.exec(
			`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM read_csv(${quoteLiteral(name)}, header = true, ` +
				`delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${types}})`
		);
	} finally {
		await db.dropFile(name);
	}
}
