import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDBBlocking from '@duckdb/duckdb-wasm/blocking';
import type * as Arrow from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { QueryError, type Connector, type Row, type SqlParam } from './connector';
import { OPEN_SETTINGS } from './settings';
import { StatementCache } from './statementCache';

const require = createRequire(import.meta.url);

/** duckdb-wasm's node build: the same engine as the page's, for tests and scripts. Not bundled into the app. */
export async function openNodeConnector(): Promise<Connector> {
	const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof DuckDBBlocking;
	// The CommonJS Arrow that duckdb-wasm's node build itself requires: an ES import would be another copy whose
	// classes do not recognise its tables.
	const { tableToIPC } = require('apache-arrow') as typeof Arrow;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const conn = db.connect();
	conn.query(OPEN_SETTINGS);
	const statements = new StatementCache(async (sql) => conn.prepare(sql));

	function run<T>(sql: string, action: () => T): T {
		try {
			return action();
		} catch (cause) {
			throw new QueryError(sql, cause);
		}
	}

	return {
		async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
			if (params.length === 0) return run(sql, () => arrowRows<T>(conn.query(sql)));
			try {
				return await statements.with(sql, (statement) => arrowRows<T>(statement.query(...params)));
			} catch (cause) {
				throw new QueryError(sql, cause);
			}
		},
		async exec(sql) {
			run(sql, () => conn.query(sql));
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async queryArrowIpc(sql) {
			return run(sql, () => tableToIPC(conn.query(sql), 'stream'));
		},
		async createTableFromArrowIpc(table, bytes) {
			run(`(arrow into ${table})`, () => conn.insertArrowFromIPCStream(bytes, { name: table, create: true }));
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async close() {
			await statements.clear();
			conn.close();
			await db.reset();
		}
	};
}
