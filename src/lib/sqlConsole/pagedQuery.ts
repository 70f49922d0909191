import { quoteIdentifier, type Connector } from '$lib/db';
import type { GuardedStatement } from './statementGuard';

/** Rows on one page of the results table. */
export const PAGE_SIZE = 100;
/** Rows kept of one result; a larger one is cut here and says so. Bounds the browser tab's memory. */
export const MAX_RESULT_ROWS = 1_000_000;

const INTEGER_TYPE = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/;
const NUMBER_TYPE = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

export interface ResultColumn {
	name: string;
	/** DuckDB's type name, e.g. `BIGINT`, `VARCHAR`, `DECIMAL(9,2)`. */
	type: string;
	/** A number type: right-aligned, and written to CSV without formula escaping. */
	numeric: boolean;
	/** A whole-number type. */
	integer: boolean;
}

/** One row as DuckDB writes its values as text (`CAST(… AS VARCHAR)`); null for NULL. */
export type ResultRow = (string | null)[];

/** A query's result, read a page at a time. */
export interface PagedResult {
	columns: ResultColumn[];
	/** Rows kept (at most MAX_RESULT_ROWS). */
	rowCount: number;
	/** The query gave more than MAX_RESULT_ROWS rows; only the first were kept. */
	truncated: boolean;
	/**
	 * What further SQL on the rows reads (e.g. the small-count check): the temporary table holding them, or on a query
	 * server the query itself as a subquery; null for EXPLAIN.
	 */
	table: string | null;
	/** Rows `index * PAGE_SIZE` up to the next page, in the query's order. */
	page(index: number): Promise<ResultRow[]>;
	/** Every kept row, for the CSV export. */
	allRows(): Promise<ResultRow[]>;
	/** Frees the rows; the result cannot be read after. */
	release(): Promise<void>;
}

export function resultColumn(name: string, type: string): ResultColumn {
	return { name, type, numeric: NUMBER_TYPE.test(type), integer: INTEGER_TYPE.test(type) };
}

/**
 * Refuses to run anything on a database that can still reach files or the network, or whose settings can still be
 * changed: the console relies on the lock the app applies once the data are loaded (LOCK_SETTINGS).
 */
export async function assertLocked(db: Connector): Promise<void> {
	const [settings] = await db.query<{ external: boolean; locked: boolean }>(
		`SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked`
	);
	if (settings.external || !settings.locked) {
		throw new Error('the database is not locked against file and network access, so the console does not run queries on it');
	}
}

let runs = 0;

/**
 * Runs a guarded statement. A query runs once, as `CREATE TEMP TABLE … AS SELECT * FROM (query) LIMIT ?`: DuckDB's
 * parser accepts only a query inside the parentheses, and a statement with a bound parameter is prepared, which
 * DuckDB refuses for more than one statement. The rows are kept in that temporary table (in memory, in this tab's
 * session only) and paged from it in their order, so paging never runs the query again and every page and the
 * export come from the same rows. EXPLAIN shows the plan of the same wrapped query.
 */
export async function runGuarded(db: Connector, statement: Extract<GuardedStatement, { ok: true }>): Promise<PagedResult> {
	await assertLocked(db);
	const wrapped = `SELECT * FROM (\n${statement.sql}\n) AS console_query LIMIT ?`;
	if (statement.kind === 'explain') {
		const rows = await db.query<{ explain_key: string; explain_value: string }>(`EXPLAIN ${statement.analyze ? 'ANALYZE ' : ''}${wrapped}`, [
			MAX_RESULT_ROWS + 1
		]);
		return rowsInMemory(
			[resultColumn('explain_key', 'VARCHAR'), resultColumn('explain_value', 'VARCHAR')],
			rows.map((r) => [r.explain_key, r.explain_value])
		);
	}
	if (db.served) return servedRows(db, statement.sql);
	const name = `sql_console_result_${++runs}`;
	await db.query(`CREATE TEMP TABLE ${quoteIdentifier(name)} AS ${wrapped}`, [MAX_RESULT_ROWS + 1]);
	return keptRows(db, name);
}

/**
 * On a query server's database, which keeps no table for the page: the columns described, and the rows (as text,
 * up to MAX_RESULT_ROWS) read once and paged in this tab, so every page and the export come from the same rows.
 * The small-count check reads the query again as a subquery.
 */
async function servedRows(db: Connector, sql: string): Promise<PagedResult> {
	const wrapped = (limit: number) => `SELECT * FROM (\n${sql}\n) AS console_query LIMIT ${limit}`;
	const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${wrapped(MAX_RESULT_ROWS + 1)}`);
	const columns = described.map((c) => resultColumn(c.column_name, c.column_type));
	const rows = await db.query(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (${wrapped(MAX_RESULT_ROWS + 1)}) AS console_rows`);
	const kept = rows.slice(0, MAX_RESULT_ROWS).map((row) => columns.map((c) => (row[c.name] ?? null) as string | null));
	return { ...rowsInMemory(columns, kept), truncated: rows.length > MAX_RESULT_ROWS, table: `(${wrapped(MAX_RESULT_ROWS)}) AS console_result` };
}

async function keptRows(db: Connector, name: string): Promise<PagedResult> {
	const table = `temp.main.${quoteIdentifier(name)}`;
	const described = await db.query<{ column_name: string; data_type: string }>(
		`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'temp' AND schema_name = 'main' AND table_name = ? ORDER BY column_index`,
		[name]
	);
	const columns = described.map((c) => resultColumn(c.column_name, c.data_type));
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
	const rowCount = Math.min(n, MAX_RESULT_ROWS);
	// CAST(COLUMNS(*) …) keeps each column's name; the table's rows keep the query's order (preserve_insertion_order).
	const read = async (limit: number, offset: number) => {
		const rows = await db.query(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ${table} LIMIT ? OFFSET ?`, [limit, offset]);
		return rows.map((row) => columns.map((c) => (row[c.name] ?? null) as string | null));
	};
	return {
		columns,
		rowCount,
		truncated: n > MAX_RESULT_ROWS,
		table,
		page: (index) => read(Math.max(0, Math.min(PAGE_SIZE, rowCount - index * PAGE_SIZE)), index * PAGE_SIZE),
		allRows: () => read(rowCount, 0),
		release: () => db.exec(`DROP TABLE IF EXISTS ${table}`)
	};
}

/** A small result already in hand (EXPLAIN's plan). */
export function rowsInMemory(columns: ResultColumn[], rows: ResultRow[]): PagedResult {
	return {
		columns,
		rowCount: rows.length,
		truncated: false,
		table: null,
		page: async (index) => rows.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
		allRows: async () => rows,
		release: async () => {}
	};
}

/** The number of pages a result fills (at least one, so an empty result still has a page to show). */
export function pageCount(result: Pick<PagedResult, 'rowCount'>): number {
	return Math.max(1, Math.ceil(result.rowCount / PAGE_SIZE));
}
