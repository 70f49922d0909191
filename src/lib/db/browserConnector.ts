import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, LogLevel } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { tableToIPC } from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { QueryError, type Connector, type Row, type SqlParam } from './connector';
import { EngineStopped, isEngineFailure } from './engineStopped';
import { OPEN_SETTINGS } from './settings';
import { StatementCache } from './statementCache';
import { errorMessage } from '$lib/errorMessage';


/**
 * Rejects if the wasm cannot be fetched or the worker fails. duckdb-wasm's worker reports a failed wasm download
 * only as an uncaught error inside the worker, and instantiate() then never settles; a HEAD request for the same
 * file (no body) tells the page in time to say so.
 */
function wasmUnreachable(worker: Worker): Promise<never> {
	return new Promise<never>((_, reject) => {
		worker.addEventListener('error', (event) => reject(new Error(event.message || 'the database worker failed')), { once: true });
		fetch(ehWasm, { method: 'HEAD' }).then(
			(response) => {
				// Some static hosts refuse HEAD (405, 403): only a missing file is certain to fail.
				if (response.status === 404 || response.status === 410) {
					reject(new Error(`the database engine could not be downloaded: HTTP ${response.status}`));
				}
			},
			() => reject(new Error('the database engine could not be downloaded: check the connection to this site'))
		);
	});
}

/**
 * duckdb-wasm (exception-handling build) in a Web Worker; wasm and worker come from this origin. If the engine
 * stops by itself, `stopped` says why (see engineStopped.ts).
 */
export async function openBrowserConnector(): Promise<Connector> {
	const worker = new Worker(ehWorker);
	const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
	try {
		await Promise.race([db.instantiate(ehWasm), wasmUnreachable(worker)]);
	} catch (cause) {
		worker.terminate();
		throw new Error(`DuckDB could not be loaded (${errorMessage(cause)})`, { cause });
	}
	// In memory, with direct I/O for the files it attaches: duckdb-wasm takes an empty file of the private file
	// system for a new database only then (a kept dataset is written into one, see keptFile.ts).
	await db.open({ useDirectIO: true });
	const conn = await db.connect();
	await conn.query(OPEN_SETTINGS);
	const statements = new StatementCache((sql) => conn.prepare(sql));

	// The engine stopping by itself: every call under way or to come fails with the reason, and the worker goes.
	// Calls under way are kept by their rejecter only while they run, so no result outlives its call.
	let dead: EngineStopped | null = null;
	let closing = false;
	const underway = new Set<(reason: Error) => void>();
	let announce!: (reason: Error) => void;
	const stopped = new Promise<Error>((resolve) => (announce = resolve));
	function stop(reason: unknown): void {
		if (dead || closing) return;
		dead = new EngineStopped(reason);
		worker.terminate();
		for (const reject of underway) reject(dead);
		underway.clear();
		announce(dead);
	}
	// The browser words a worker's error as "Uncaught Error: …"; the reason is what follows.
	worker.addEventListener('error', (event) => stop(new Error(event.message?.replace(/^Uncaught (?:Error: )?/, '') || 'the database worker failed')));

	function guarded<T>(action: () => Promise<T>): Promise<T> {
		if (dead) return Promise.reject(dead);
		// A call after close (work queued in the background, say) fails here, before it reaches a worker that is gone.
		if (closing) return Promise.reject(new Error('the database is closed'));
		return new Promise<T>((resolve, reject) => {
			underway.add(reject);
			action()
				.then(resolve, (cause) => {
					if (!dead && isEngineFailure(cause)) stop(cause);
					reject(dead ?? cause);
				})
				.finally(() => underway.delete(reject));
		});
	}

	async function run<T>(sql: string, action: () => Promise<T>): Promise<T> {
		try {
			return await guarded(action);
		} catch (cause) {
			throw cause instanceof EngineStopped ? cause : new QueryError(sql, cause);
		}
	}

	return {
		query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
			return run(sql, async () => {
				if (params.length === 0) return arrowRows<T>(await conn.query(sql));
				return statements.with(sql, async (statement) => arrowRows<T>(await statement.query(...params)));
			});
		},
		async exec(sql) {
			await run(sql, () => conn.query(sql));
		},
		async registerFile(name, bytes) {
			await guarded(() => db.registerFileBuffer(name, bytes));
		},
		async queryArrowIpc(sql) {
			return run(sql, async () => tableToIPC(await conn.query(sql), 'stream'));
		},
		async createTableFromArrowIpc(table, bytes) {
			await run(`(arrow into ${table})`, () => conn.insertArrowFromIPCStream(bytes, { name: table, create: true }));
		},
		async dropFile(name) {
			await guarded(() => db.dropFile(name));
		},
		async registerOpfsFile(path) {
			await guarded(() => db.registerOPFSFileName(path));
		},
		async registerFileHandle(name, handle) {
			await guarded(() => db.registerFileHandle(name, handle, DuckDBDataProtocol.BROWSER_FSACCESS, true));
		},
		async registerFileObject(name, file) {
			await guarded(() => db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true));
		},
		async close() {
			closing = true;
			if (dead) return;
			await statements.clear();
			await conn.close();
			await db.terminate();
		},
		stopped
	};
}
