/**
 * Statements run as soon as a database opens. duckdb-wasm has no Parquet, JSON or ICU extension built in and
 * would otherwise try to download one from a third-party server when a query needs it.
 */
/** The database's memory, explicit: WebAssembly memory stops at 4 GB, and the rest of the engine needs some. */
export const MEMORY_LIMIT_BYTES = 3 * 1024 ** 3;

export const OPEN_SETTINGS = `SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET memory_limit = '3GiB';`;

/**
 * Statements run once the data are loaded: no file or network access from SQL, and no query can undo it.
 */
export const LOCK_SETTINGS = `SET enable_external_access = false; SET lock_configuration = true;`;
