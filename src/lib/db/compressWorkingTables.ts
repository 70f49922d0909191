import type { Connector } from './connector';
import { DATA_CATALOG, importWorkingSettings } from './settings';
import { quoteIdentifier } from './sql';

/** The working settings of a file whose working tables are compressed. */
export const COMPRESSED_WORKING = importWorkingSettings(Number.POSITIVE_INFINITY);

/**
 * Moves an import's working tables (the staged rows) from the uncompressed catalog into the compressed one, and
 * returns the working settings to use from then on. For a small file added to a large dataset: the dataset's rows
 * join the import's database, and the file's rows, uncompressed, would no longer fit beside them.
 */
export async function compressWorkingTables(db: Connector): Promise<string> {
	const tables = await db.query<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'memory' AND schema_name = 'main' AND NOT temporary ORDER BY table_name`
	);
	for (const { name } of tables) {
		const table = quoteIdentifier(name);
		await db.exec(`CREATE OR REPLACE TABLE ${DATA_CATALOG}.main.${table} AS SELECT * FROM memory.main.${table}; DROP TABLE memory.main.${table};`);
	}
	await db.exec(COMPRESSED_WORKING);
	return COMPRESSED_WORKING;
}
