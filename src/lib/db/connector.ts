import { errorMessage } from '$lib/errorMessage';
/** A value bound to a `?` placeholder. Values from the UI reach SQL only this way. */
export type SqlParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

/**
 * The one way the app talks to DuckDB. Its implementations: the browser's (duckdb-wasm in a Web Worker), Node's
 * (duckdb-wasm's node build, used by the tests, so SQL tested in Node is the SQL the page runs), a query server's
 * (remoteConnector.ts: native DuckDB past the tab) and the server's own (src/server: native DuckDB).
 */
export interface Connector {
	/** Runs one statement with its parameters bound, and returns plain rows (BIGINT as number). */
	query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
	/** Runs statements that take no parameters and return nothing worth reading (DDL, SET). */
	exec(sql: string): Promise<void>;
	/** Makes bytes readable by name from SQL, e.g. `read_csv('sessions.csv.gz')`. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** A query's result as Arrow IPC stream bytes: columnar, typed, fast to keep and to load again. */
	queryArrowIpc(sql: string): Promise<Uint8Array>;
	/** Creates a table from Arrow IPC stream bytes (as queryArrowIpc gives them), keeping the column types. */
	createTableFromArrowIpc(table: string, bytes: Uint8Array): Promise<void>;
	/** Forgets a registered file, and lets go of its handle if it is a file of this browser's storage. */
	dropFile(name: string): Promise<void>;
	/**
	 * Browser only: makes a file of the origin's private file system (`opfs://name`, created if missing) writable by
	 * DuckDB, for ATTACH to create a database in it.
	 */
	registerOpfsFile?(path: string): Promise<void>;
	/** Browser only: makes a file handle of the origin's private file system writable by DuckDB under `name`. */
	registerFileHandle?(name: string, handle: FileSystemFileHandle): Promise<void>;
	/** Browser only: makes a File readable by DuckDB under `name`, e.g. for a read-only ATTACH. */
	registerFileObject?(name: string, file: File): Promise<void>;
	close(): Promise<void>;
	/**
	 * Set for a query server's database: read-only and locked, with its session facts, client courses and the
	 * overview's rollups built before it answers. The page builds, compacts and writes nothing in it.
	 */
	readonly served?: { url: string };
	/**
	 * Settles, with the reason, if the engine stops by itself (a WebAssembly trap, its worker failing); never when
	 * closed. From then on every call fails at once. Only the browser's engine can stop this way.
	 */
	readonly stopped?: Promise<Error>;
}

/** A failed query, keeping the SQL and DuckDB's own message. */
export class QueryError extends Error {
	readonly sql: string;
	constructor(sql: string, cause: unknown) {
		const reason = errorMessage(cause);
		super(`query failed: ${reason}`, { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}
