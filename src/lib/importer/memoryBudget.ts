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
 * Database memory per session and per score during an import whose working tables are compressed, as they are
 * for a file over 256 MB (settings.ts): the largest the tables get between the import's steps, measured with
 * `scripts/bench/importMemory.ts` on the benchmark's export, 29.7 MB for 100,000 sessions and 721,617 scores (36
 * bytes a row), rounded up. The 20% of the limit left over holds the queries' own working memory. A smaller file's
 * working tables are not compressed (84.7 MB for the same rows, 103 bytes a row): at 256 MB, the benchmark's
 * 38-column export holds about 1.8 million sessions and 13 million scores, about 1.5 GB at that rate, within the
 * limit's 80%.
 */
const BYTES_PER_ROW = 40;

/**
 * And per session, the overview's rollups, compressed: 42 MB for 1,000,000 sessions of the demo's kind for the
 * levels per client, month and technique; per client and month; per client. The finest level (per client, month,
 * technique, therapist and clinic) adds 2.3 MB per 100,000 sessions (`scripts/bench/importMemory.ts`: 22.3 MB after
 * the rollups and a checkpoint, against 20.0 MB without it), 23 bytes a session. Rounded up.
 */
const ROLLUP_BYTES_PER_SESSION = 70;

/** Imports are refused above this share of the limit, leaving room for the queries' own working memory. */
const USABLE_SHARE = 0.8;

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
		`${megabytes(size)} is more than this browser can read (up to ${megabytes(MAX_FILE_BYTES)}; its database has ${gigabytes(MEMORY_LIMIT_BYTES)} of memory). ` +
			'Export a part of the data (some years, or one clinic) and import that. Nothing was read and nothing kept has changed.'
	);
}

/** What a dataset holds: its sessions and scores. */
export interface DatasetSize {
	sessions: number;
	measurements: number;
}

/** The database memory a dataset is expected to need, in bytes. */
export function expectedMemory(size: DatasetSize): number {
	return (size.sessions + size.measurements) * BYTES_PER_ROW + size.sessions * ROLLUP_BYTES_PER_SESSION;
}

/** The most sessions with six scores each that fit. */
export function largestDataset(): number {
	return Math.floor((MEMORY_LIMIT_BYTES * USABLE_SHARE) / (7 * BYTES_PER_ROW + ROLLUP_BYTES_PER_SESSION));
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
