import { MEMORY_LIMIT_BYTES } from '$lib/db/settings';
import { ImportFileError } from '$lib/ingest/importFileError';

/**
 * What fits in the browser. DuckDB runs in WebAssembly, whose memory stops at 4 GB a database, and the page's
 * database opens with an explicit limit below that (MEMORY_LIMIT_BYTES). An import that would not fit is refused
 * with its numbers before the tab can be lost: a file too large to read at all before it is read, and a dataset too
 * large to hold once its rows are checked, before anything is imported.
 */

/** Files larger than this are not read: the bytes and their staged table alone would take most of the memory. */
export const MAX_FILE_BYTES = 1024 ** 3;

/**
 * Database memory per session or score of the dataset, from its import to its rollups: measured with a scale model,
 * `MEMORY_LIMIT=240MB npx tsx scripts/bench/importMemory.ts <four parts>`: the benchmark's export of a million
 * sessions and 7,220,439 scores, imported in four parts (each added to the ones before, with compressed working
 * tables, the session facts and rollups built in parts of months as for a large dataset), fits within a 240 MB limit,
 * 29 bytes a row. The parts are sized by the limit (buildParts.ts), so ten times the rows fit in ten times the limit.
 * Counted with a margin of a sixth. At rest, once built and compressed, the same dataset holds 154 MB (19 bytes a row).
 */
const BYTES_PER_ROW = 34;

/**
 * A dataset larger than this has a file added to it checked in compressed working tables, whatever the file's size
 * (compressWorkingTables): a small file's working tables are otherwise uncompressed, about six times the file's
 * size, and beside ten million sessions' rows (about 7.6 million, part of the benchmark's export, then a 60 MB file)
 * its check ran out of memory.
 */
export const LARGE_DATASET_SESSIONS = 1_000_000;

/** Imports are refused above this share of the limit, leaving room for the queries' own working memory. */
const USABLE_SHARE = 0.9;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-CA')} MB`;
const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
const count = (n: number) => n.toLocaleString('en-CA');

export interface SizedFile {
	name: string;
	size: number;
}

/** Refuses, before reading, files too large for the browser to read. */
export function checkFileSize(files: readonly SizedFile[]): void {
	const size = files.reduce((sum, f) => sum + f.size, 0);
	if (size <= MAX_FILE_BYTES) return;
	throw new ImportFileError(
		files.map((f) => f.name).join(', '),
		`${megabytes(size)} is more than this browser can read at once (up to ${megabytes(MAX_FILE_BYTES)}; its database has ${gigabytes(MEMORY_LIMIT_BYTES)} of memory). ` +
			'Export the data in parts (some years, or some clinics, each) and import them one after another, adding each to the same dataset. Nothing was read and nothing kept has changed.'
	);
}

/** What a dataset holds: its sessions and scores. */
export interface DatasetSize {
	sessions: number;
	measurements: number;
}

/** The database memory a dataset is expected to need, in bytes. */
export function expectedMemory(size: DatasetSize): number {
	return (size.sessions + size.measurements) * BYTES_PER_ROW;
}

/** The most sessions with six scores each that fit. */
export function largestDataset(): number {
	return Math.floor((MEMORY_LIMIT_BYTES * USABLE_SHARE) / (7 * BYTES_PER_ROW));
}

/**
 * Refuses, once the rows are checked and before anything is imported, a dataset too large to hold: the rows to
 * import, plus the dataset they are added to.
 */
export function checkDatasetMemory(source: string, adding: DatasetSize, existing: DatasetSize | null): void {
	const total = { sessions: adding.sessions + (existing?.sessions ?? 0), measurements: adding.measurements + (existing?.measurements ?? 0) };
	const need = expectedMemory(total);
	if (need <= MEMORY_LIMIT_BYTES * USABLE_SHARE) return;
	throw new ImportFileError(
		source,
		`the dataset would hold ${count(total.sessions)} sessions and ${count(total.measurements)} scores${existing ? ' with the rows it already has' : ''}, ` +
			`which needs about ${gigabytes(need)} of memory; the database in a browser tab has ${gigabytes(MEMORY_LIMIT_BYTES)}. ` +
			`About ${(largestDataset() / 1e6).toFixed(1)} million sessions with six scores each fit. Import a part of the data (some years, or one clinic) as its own dataset. ` +
			'Nothing was imported and nothing kept has changed.'
	);
}
