import { DuckDBInstance } from '@duckdb/node-api';
import type { Connector, Row, SqlParam } from '$lib/db';

/**
 * The app's Connector over native DuckDB (@duckdb/node-api), for the benchmark's reference only: the same SQL on a
 * build with every core and no wasm, i.e. the physical limit the page is compared with. Only queries and statements.
 */
export async function openNativeConnector(threads: number): Promise<Connector> {
	const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
	const connection = await instance.connect();
	const unsupported = (what: string) => () => Promise.reject(new Error(`${what} is not used by the benchmark's native reference`));
	return {
		async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
			const reader = await connection.runAndReadAll(sql, params as never[]);
			return reader.getRowObjectsJS().map((row) =>
				Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]))
			) as T[];
		},
		async exec(sql: string) {
			await connection.run(sql);
		},
		registerFile: unsupported('registerFile'),
		queryArrowIpc: unsupported('queryArrowIpc'),
		createTableFromArrowIpc: unsupported('createTableFromArrowIpc'),
		dropFile: unsupported('dropFile'),
		async close() {
			connection.closeSync();
		}
	} as Connector;
}
