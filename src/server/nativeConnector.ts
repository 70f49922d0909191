import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { QueryError, type Connector, type Row, type SqlParam } from '$lib/db/connector';

/** What the app's queries bind: number, text, true/false or NULL, as native DuckDB takes them. */
const bound = (params: readonly SqlParam[]) => params as DuckDBValue[];

/** A plain row: BIGINT as number, as the page's rows have it (arrowRows). */
function plainRow(row: Record<string, unknown>): Row {
	for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
	return row;
}

/**
 * DuckDB's own default memory limit, 80% of the machine's, as a statement: after OPEN_SETTINGS (the page's 3 GiB)
 * a RESET changes what current_setting says but not the limit the buffer manager keeps, so it is set explicitly.
 */
export function machineMemoryLimit(share = 0.8): string {
	return `SET memory_limit = '${Math.floor((totalmem() * share) / 2 ** 20)}MiB'`;
}

export interface NativeConnector extends Connector {
	/** The DuckDB instance, for more connections to it (the query server's, one per request in flight). */
	readonly instance: DuckDBInstance;
}

/**
 * The app's Connector over native DuckDB (@duckdb/node-api): the query server's engine, and the benchmark's
 * reference. Files registered by name are written to a private temporary folder that DuckDB searches for files
 * named without a folder (`file_search_path`), so the import's own SQL (`read_csv('name')`) runs unchanged; the
 * folder is removed on close. The settings the page opens with (OPEN_SETTINGS) are the caller's to run.
 */
export async function openNativeConnector(options: { threads?: number; path?: string } = {}): Promise<NativeConnector> {
	const config: Record<string, string> = {};
	if (options.threads) config.threads = String(options.threads);
	const instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
	const connection = await DuckDBConnection.create(instance);
	const files = mkdtempSync(join(tmpdir(), 'outcomes-files-'));
	await connection.run(`SET file_search_path = '${files.replaceAll("'", "''")}'`);

	async function run<T>(sql: string, action: () => Promise<T>): Promise<T> {
		try {
			return await action();
		} catch (cause) {
			throw new QueryError(sql, cause);
		}
	}
	const unsupported = (what: string) => () => Promise.reject(new Error(`${what} is not available on native DuckDB here`));

	return {
		instance,
		async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
			const reader = await run(sql, () => connection.runAndReadAll(sql, params.length ? bound(params) : undefined));
			return reader.getRowObjectsJS().map((row) => plainRow(row as Record<string, unknown>)) as T[];
		},
		async exec(sql: string) {
			await run(sql, () => connection.run(sql));
		},
		async registerFile(name: string, bytes: Uint8Array) {
			if (name.includes('/') || name.includes('\\')) throw new Error(`a registered file is named without a folder: ${name}`);
			writeFileSync(join(files, name), bytes);
		},
		async dropFile(name: string) {
			try {
				unlinkSync(join(files, name));
			} catch {
				// Not there: nothing to forget.
			}
		},
		queryArrowIpc: unsupported('queryArrowIpc'),
		createTableFromArrowIpc: unsupported('createTableFromArrowIpc'),
		async close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(files, { recursive: true, force: true });
		}
	};
}
