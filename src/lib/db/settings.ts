/**
 * Statements run as soon as a database opens. duckdb-wasm has no Parquet, JSON or ICU extension built in and
 * would otherwise try to download one from a third-party server when a query needs it.
 */
/** The database's memory, explicit: WebAssembly memory stops at 4 GB, and the rest of the engine needs some. */
export const MEMORY_LIMIT_BYTES = 3 * 1024 ** 3;

/**
 * The catalog every table is created in: an in-memory database with compression on. DuckDB's default in-memory
 * database keeps rows as inserted, uncompressed; this one stores each column compressed (dictionary, run-length,
 * bit-packing, ALP for doubles) once a large write commits or a checkpoint runs, as a database file would. Measured
 * on a million sessions of the demo's kind: session facts 224 MB → 17 MB, the overview's rollups 454 MB → 42 MB
 * (docs/performance.md).
 */
export const DATA_CATALOG = 'dataset';

export const OPEN_SETTINGS =
	`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET memory_limit = '3GiB'; ` +
	`ATTACH ':memory:' AS ${DATA_CATALOG} (COMPRESS); USE ${DATA_CATALOG};`;

/**
 * Statements run once the data are loaded: no file or network access from SQL, and no query can undo it.
 */
export const LOCK_SETTINGS = `SET enable_external_access = false; SET lock_configuration = true;`;

/**
 * Files up to this size are read and checked in working tables that are not compressed: faster (a million rows of
 * twelve columns checked and imported in about half the time), for more memory while they last. Larger files are
 * read into compressed tables, so that the largest files the browser reads fit.
 */
export const UNCOMPRESSED_WORKING_MAX_BYTES = 256 * 1024 ** 2;

/**
 * An import's database while it reads and checks a file of `bytes`: its working tables (the staged and checked rows)
 * in DuckDB's default in-memory catalog, uncompressed, for a file up to UNCOMPRESSED_WORKING_MAX_BYTES; the
 * dataset's own tables are always created in the compressed catalog (createCanonicalTables, inDatasetCatalog) and
 * found by name through the search path. A larger file's working tables are compressed too.
 */
export function importWorkingSettings(bytes: number): string {
	return bytes <= UNCOMPRESSED_WORKING_MAX_BYTES ? `USE memory; SET search_path = 'memory.main,${DATA_CATALOG}.main';` : `USE ${DATA_CATALOG};`;
}

/** Back to the dataset's catalog alone, once the import's working tables are gone (USE sets the search path too). */
export const DATASET_SETTINGS = `USE ${DATA_CATALOG};`;
