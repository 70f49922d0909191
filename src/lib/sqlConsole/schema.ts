import { quoteIdentifier, type Connector } from '$lib/db';

export interface SchemaColumn {
	name: string;
	/** DuckDB's type name. */
	type: string;
}

/** A table or view the console can query. */
export interface SchemaTable {
	name: string;
	kind: 'table' | 'view';
	columns: SchemaColumn[];
}

/** The shown dataset's tables and views with their columns in order (not the console's own temporary results). */
export async function querySchema(db: Connector): Promise<SchemaTable[]> {
	const rows = await db.query<{ table_name: string; table_type: string; column_name: string; data_type: string }>(
		`SELECT c.table_name, t.table_type, c.column_name, c.data_type
		FROM information_schema.columns c
		JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
		WHERE c.table_catalog = current_database() AND c.table_schema = 'main'
		ORDER BY c.table_name, c.ordinal_position`
	);
	const tables = new Map<string, SchemaTable>();
	for (const row of rows) {
		let table = tables.get(row.table_name);
		if (!table) {
			table = { name: row.table_name, kind: row.table_type === 'VIEW' ? 'view' : 'table', columns: [] };
			tables.set(row.table_name, table);
		}
		table.columns.push({ name: row.column_name, type: row.data_type });
	}
	return [...tables.values()];
}

/** The query the schema browser puts in the editor for a table: its first 100 rows. */
export function browseQuery(table: string): string {
	const name = /^[a-z_][a-z0-9_]*$/.test(table) ? table : quoteIdentifier(table);
	return `SELECT * FROM ${name} LIMIT 100`;
}
