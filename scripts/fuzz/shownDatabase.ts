import type { Connector } from '$lib/db/connector';
import { quoteIdentifier } from '$lib/db/sql';
import { demoDatasetFiles } from '../../tests/support/demoDataset';
import { openDatasetDatabase } from '../../tests/support/testDatabase';

/** The dataset on show while files are imported: the demo data, loaded and locked as the page does. */
export function openShownDatabase(): Promise<Connector> {
	return openDatasetDatabase(demoDatasetFiles());
}

/** Every table's row count and a hash of all its rows: changes if any row of any table does. */
export async function fingerprint(db: Connector): Promise<Record<string, string>> {
	const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() ORDER BY 1`);
	const print: Record<string, string> = {};
	for (const { name } of tables) {
		const [row] = await db.query<{ n: number; h: string }>(`SELECT count(*)::INTEGER AS n, sum(hash(t))::VARCHAR AS h FROM ${quoteIdentifier(name)} t`);
		print[name] = `${row.n} rows, hash ${row.h}`;
	}
	return print;
}
