import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_SETTINGS, loadDataset, type Connector } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { DATA_CATALOG } from '$lib/db/settings';
import {
	assertLocked,
	browseQuery,
	duckdbMessage,
	explainError,
	findSmallCounts,
	guardStatement,
	MAX_RESULT_ROWS,
	PAGE_SIZE,
	pageCount,
	querySchema,
	resultCsv,
	runGuarded,
	type PagedResult
} from '$lib/sqlConsole';
import { demoDatasetFiles } from '../../support/demoDataset';

/** Runs text as the console does: the guard, then DuckDB. */
async function consoleRun(db: Connector, sql: string): Promise<PagedResult> {
	const guarded = guardStatement(sql);
	if (!guarded.ok) throw new Error(`refused: ${guarded.message}`);
	return runGuarded(db, guarded);
}

/** DuckDB's message for text that passes the guard but fails in the database. */
async function failure(db: Connector, sql: string): Promise<string> {
	try {
		await (await consoleRun(db, sql)).release();
	} catch (error) {
		return duckdbMessage(error);
	}
	throw new Error(`${sql} did not fail`);
}

const count = async (db: Connector, table: string) => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0].n;

describe('the SQL console on the locked demo database (duckdb-wasm in Node)', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openNodeConnector();
		await loadDataset(db, demoDatasetFiles());
		await db.exec(LOCK_SETTINGS);
	});
	afterAll(() => db.close());

	it('answers a query with its columns, types and rows', async () => {
		const result = await consoleRun(db, 'SELECT primary_technique, count(*) AS sessions FROM sessions GROUP BY 1 ORDER BY 1;');
		expect(result.columns).toEqual([
			{ name: 'primary_technique', type: 'VARCHAR', numeric: false, integer: false },
			{ name: 'sessions', type: 'BIGINT', numeric: true, integer: true }
		]);
		expect(result.rowCount).toBe(10);
		const rows = await result.page(0);
		// data/README.md: 15,366 sessions; Swedish counted in sessions.csv.gz.
		expect(rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(15366);
		expect(rows.find((r) => r[0] === 'swedish')).toEqual(['swedish', '4148']);
		await result.release();
	});

	it('pages through 100,000 rows in the query’s order, reading one page of rows at a time, and exports all of them', async () => {
		// Each DuckDB call the console makes, with the rows it returned: a page must read its own rows, never the result.
		const calls: { sql: string; rows: number }[] = [];
		const counting: Connector = Object.assign(Object.create(db) as Connector, {
			query: async (sql: string, params?: unknown[]) => {
				const rows = await db.query(sql, params as never);
				calls.push({ sql, rows: rows.length });
				return rows;
			}
		});
		const result = await consoleRun(counting, 'SELECT range AS i, range % 7 AS r FROM range(100000) ORDER BY i DESC');
		const ranOnce = calls.filter((c) => c.sql.includes('range(100000)'));
		expect(ranOnce).toHaveLength(1);
		expect(Math.max(...calls.map((c) => c.rows))).toBeLessThanOrEqual(PAGE_SIZE);
		const first = await result.page(0);
		expect(result.rowCount).toBe(100000);
		expect(pageCount(result)).toBe(1000);
		expect(first).toHaveLength(PAGE_SIZE);
		expect(first[0]).toEqual(['99999', String(99999 % 7)]);
		expect(first[99][0]).toBe('99900');
		expect((await result.page(1))[0][0]).toBe('99899');
		const middle = await result.page(500);
		expect(middle.map((r) => Number(r[0]))).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => 49999 - i));
		const before = calls.length;
		const last = await result.page(999);
		// The last page is one call for its own 100 rows: the query is not run again.
		expect(calls.slice(before)).toEqual([{ sql: expect.stringMatching(/LIMIT \? OFFSET \?/), rows: PAGE_SIZE }]);
		expect(last.at(-1)).toEqual(['0', '0']);
		expect(await result.page(1000)).toEqual([]);
		const all = await result.allRows();
		expect(all).toHaveLength(100000);
		expect(all.every((r, i) => r[0] === String(99999 - i))).toBe(true);
		await result.release();
	});

	it('keeps at most MAX_RESULT_ROWS rows and says it cut the rest', async () => {
		const result = await consoleRun(db, `SELECT * FROM range(${MAX_RESULT_ROWS + 5})`);
		expect(result.rowCount).toBe(MAX_RESULT_ROWS);
		expect(result.truncated).toBe(true);
		expect((await result.page(pageCount(result) - 1)).at(-1)).toEqual([String(MAX_RESULT_ROWS - 1)]);
		await result.release();
	});

	it('frees a result’s rows when released', async () => {
		const result = await consoleRun(db, 'SELECT 1 AS a');
		await result.release();
		await expect(result.page(0)).rejects.toThrow(/does not exist/);
	});

	it('gives duplicate and odd column names their own columns, and writes every type as DuckDB shows it', async () => {
		const result = await consoleRun(
			db,
			`SELECT 1 AS a, 2 AS a, 3 AS "2", DATE '2025-01-31' AS d, 1.5::DECIMAL(5,2) AS m, [1, 2] AS l, NULL AS n, '=1+1' AS f, -3 AS neg`
		);
		expect(result.columns.map((c) => [c.name, c.type, c.numeric])).toEqual([
			['a', 'INTEGER', true], ['a_1', 'INTEGER', true], ['2', 'INTEGER', true], ['d', 'DATE', false],
			['m', 'DECIMAL(5,2)', true], ['l', 'INTEGER[]', false], ['n', 'INTEGER', true], ['f', 'VARCHAR', false], ['neg', 'INTEGER', true]
		]);
		const rows = await result.page(0);
		expect(rows).toEqual([['1', '2', '3', '2025-01-31', '1.50', '[1, 2]', null, '=1+1', '-3']]);
		// CSV: text cells escaped against formulas, numbers as they are; the BOM only when asked for.
		const csv = resultCsv(result.columns, rows, { bom: false });
		expect(csv).toBe('a,a_1,2,d,m,l,n,f,neg\r\n1,2,3,2025-01-31,1.50,"[1, 2]",,\'=1+1,-3\r\n');
		expect(resultCsv(result.columns, rows, { bom: true }).startsWith('\uFEFFa,a_1')).toBe(true);
		await result.release();
	});

	it('runs DESCRIBE, SHOW, SUMMARIZE, VALUES, TABLE, FROM-first and EXPLAIN', async () => {
		const described = await consoleRun(db, 'DESCRIBE sessions');
		expect((await described.page(0)).map((r) => r[0])).toContain('primary_technique');
		expect((await consoleRun(db, 'SHOW TABLES')).rowCount).toBeGreaterThanOrEqual(8);
		expect((await consoleRun(db, 'SUMMARIZE therapists')).rowCount).toBe(2);
		expect(await (await consoleRun(db, 'VALUES (1), (2)')).allRows()).toEqual([['1'], ['2']]);
		expect((await consoleRun(db, 'TABLE therapists')).rowCount).toBe(12);
		expect((await consoleRun(db, 'FROM clients SELECT client_id LIMIT 3')).rowCount).toBe(3);
		const plan = await consoleRun(db, 'EXPLAIN SELECT count(*) FROM sessions');
		expect(plan.columns.map((c) => c.name)).toEqual(['explain_key', 'explain_value']);
		expect((await plan.page(0))[0][1]).toContain('Table: sessions');
	});

	it('keeps the data unchanged through a table of attacks, refused by the guard or by DuckDB', async () => {
		const before = await count(db, 'sessions');
		// Each attack, and the layer that stops it: the statement guard, or DuckDB (its parser, or the locked database).
		const attacks: [sql: string, stoppedBy: 'guard' | 'duckdb'][] = [
			["COPY sessions TO 'out.csv'", 'guard'],
			["ATTACH ':memory:' AS other", 'guard'],
			['INSTALL httpfs', 'guard'],
			['LOAD httpfs', 'guard'],
			['SET enable_external_access = true', 'guard'],
			["PRAGMA enable_profiling = 'json'", 'guard'],
			['CREATE TABLE t AS SELECT 1', 'guard'],
			["INSERT INTO therapists VALUES ('T99', 'north')", 'guard'],
			['DELETE FROM sessions', 'guard'],
			['DROP TABLE sessions', 'guard'],
			['SELECT 1; DROP TABLE sessions', 'guard'],
			["/* */ COPY sessions TO 'x.csv'", 'guard'],
			['WITH x AS (DELETE FROM sessions RETURNING *) SELECT * FROM x', 'guard'],
			['SELECT 1) AS q; DROP TABLE sessions; SELECT * FROM (SELECT 1', 'guard'],
			["SELECT * FROM query('DROP TABLE sessions')", 'duckdb'],
			["SELECT * FROM query('COPY sessions TO ''x.csv''')", 'duckdb'],
			["SELECT * FROM query_table('sessions'); DROP TABLE sessions", 'guard'],
			['SELECT 1 INTO copy_of_sessions', 'duckdb'],
			["SELECT * FROM read_csv('http://example.com/x.csv')", 'duckdb']
		];
		for (const [sql, stoppedBy] of attacks) {
			const guarded = guardStatement(sql);
			expect(guarded.ok ? 'duckdb' : 'guard', sql).toBe(stoppedBy);
			if (guarded.ok) await expect(runGuarded(db, guarded), sql).rejects.toThrow();
		}
		expect(await count(db, 'sessions')).toBe(before);
		expect(await count(db, 'therapists')).toBe(12);
		const databases = await db.query<{ database_name: string }>(`SELECT database_name FROM duckdb_databases() WHERE NOT internal`);
		expect(databases.map((d) => d.database_name)).toEqual([DATA_CATALOG, 'memory']);
	});

	it('DuckDB refuses statements that slip past the guard: only one query fits in the console’s subquery', async () => {
		const unguarded = ['SELECT 1; DROP TABLE sessions', 'SELECT 1) AS q; DROP TABLE sessions; SELECT * FROM (SELECT 1', 'DROP TABLE sessions', "ATTACH ':memory:' AS m", 'INSTALL httpfs', "COPY sessions TO 'x'", 'SET VARIABLE x = 1', 'CALL checkpoint()'];
		for (const sql of unguarded) {
			await expect(runGuarded(db, { ok: true, kind: 'query', sql }), sql).rejects.toThrow();
			await expect(runGuarded(db, { ok: true, kind: 'explain', analyze: true, sql }), sql).rejects.toThrow();
		}
		expect(await count(db, 'sessions')).toBe(15366);
		expect((await db.query(`SELECT database_name FROM duckdb_databases() WHERE database_name = 'm'`)).length).toBe(0);
	});

	it.each([
		"SELECT * FROM read_text('/etc/passwd')",
		"SELECT * FROM read_csv('http://example.com/data.csv')",
		"SELECT * FROM read_csv('https://example.com/data.csv')",
		"SELECT * FROM read_csv('sessions.csv.gz')",
		"SELECT * FROM read_blob('/etc/hosts')",
		"SELECT * FROM glob('*')"
	])('the locked database refuses to read files or the network: %s', async (sql) => {
		const message = await failure(db, sql);
		expect(message).toMatch(/disabled by configuration/);
		expect(explainError(message)[0]).toMatch(/^Reading files or the network is turned off in the console/);
	});

	it('explains errors it recognises and shows DuckDB’s text as it is', async () => {
		const missing = await failure(db, 'SELECT * FROM sesions');
		expect(missing).toMatch(/^Catalog Error: Table with name sesions does not exist/);
		expect(explainError(missing)).toContain('No table or view has that name: they are listed under “Tables and columns”.');
		const parser = await failure(db, 'SELECT FROM WHERE');
		expect(parser).toMatch(/^Parser Error/);
		expect(explainError(parser).join(' ')).toMatch(/caret/);
		expect(explainError(await failure(db, "SELECT json_extract('{}', '$.a')"))[0]).toMatch(/extension/);
		expect(explainError('something new')).toEqual([]);
	});

	it('refuses to run on a database that is not locked', async () => {
		await assertLocked(db);
		const open = await openNodeConnector();
		try {
			await expect(assertLocked(open)).rejects.toThrow(/not locked against file and network access/);
			await expect(runGuarded(open, { ok: true, kind: 'query', sql: 'SELECT 1' })).rejects.toThrow(/not locked/);
		} finally {
			await open.close();
		}
	});

	it('lists the dataset’s tables and their columns, and not the console’s own results', async () => {
		const kept = await consoleRun(db, 'SELECT 1 AS a');
		const tables = await querySchema(db);
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining(['client_courses', 'clients', 'instruments', 'measurements', 'rom_movements', 'session_facts', 'sessions', 'therapists'])
		);
		expect(tables.some((t) => t.name.startsWith('sql_console_result'))).toBe(false);
		const sessions = tables.find((t) => t.name === 'sessions')!;
		expect(sessions.kind).toBe('table');
		expect(sessions.columns.slice(0, 2)).toEqual([
			{ name: 'session_id', type: 'VARCHAR' },
			{ name: 'client_id', type: 'VARCHAR' }
		]);
		expect(browseQuery('sessions')).toBe('SELECT * FROM sessions LIMIT 100');
		expect(browseQuery('Odd "name"')).toBe('SELECT * FROM "Odd ""name""" LIMIT 100');
		expect((await consoleRun(db, browseQuery('sessions'))).rowCount).toBe(100);
		await kept.release();
	});

	it('warns about count-like columns with values from 1 to k − 1 (a heuristic)', async () => {
		const small = await consoleRun(
			db,
			`SELECT primary_condition, count(*) AS clients, count(*) * 1.0 AS share, 5 AS week FROM clients GROUP BY 1 ORDER BY 1`
		);
		// hypertension and other have 18 clients each (data/README.md): below k = 20, above k = 11.
		expect(await findSmallCounts(db, small, 20)).toEqual([{ column: 'clients', rows: 2 }]);
		expect(await findSmallCounts(db, small, 11)).toEqual([]);
		const techniques = await consoleRun(db, 'SELECT primary_technique, count(*) AS sessions FROM sessions GROUP BY 1');
		expect(await findSmallCounts(db, techniques, 11)).toEqual([]);
		await small.release();
		await techniques.release();
	});
});
