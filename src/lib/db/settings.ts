/**
 * Statements run as soon as a database opens. duckdb-wasm has no Parquet, JSON or ICU extension built in and
 * would otherwise try to download one from a third-party server when a query needs it.
 */
export const OPEN_SETTINGS = `SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`;

/**
 * Statements run once the data are loaded: no file or network access from SQL, and no query can undo it.
 */
export const LOCK_SETTINGS = `SET enable_external_access = false; SET lock_configuration = true;`;
