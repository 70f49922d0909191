import { MEMORY_LIMIT_BYTES } from '$lib/db/settings';
import { ImportFileError } from '$lib/ingest/importFileError';

/**
 * How much a file may hold before the browser cannot: DuckDB runs in WebAssembly, whose memory stops at 4 GB a
 * database, and the page's database is given an explicit limit below that (MEMORY_LIMIT_BYTES, set when it opens).
 * A file is refused before it is read when the dataset it makes would need more, so the tab is not lost half-way.
 */

/**
 * Database memory per byte of plain CSV, measured: a 65 MB clinic export of 1,000,000 visits (six scores each)
 * holds 765 MB in the page's database once imported (`npm run bench`), about 12 times its size. Compressed files
 * (gzip, Parquet, Excel) hold about 5 times their size as text.
 */
const MEMORY_PER_TEXT_BYTE = 12;
const TEXT_PER_COMPRESSED_BYTE = 5;
/** That export's size: a million visit rows. */
const VISIT_EXPORT_BYTES_PER_MILLION = 65 * 1024 ** 2;

/** Files are refused above this share of the limit, leaving room for the import's own working tables. */
const USABLE_SHARE = 0.8;

export interface SizedFile {
	name: string;
	size: number;
}

function compressed(name: string): boolean {
	return /\.(gz|parquet|xlsx)$/i.test(name);
}

/** The database memory a file is expected to need once imported, in bytes. */
export function expectedMemory(file: SizedFile): number {
	const text = compressed(file.name) ? file.size * TEXT_PER_COMPRESSED_BYTE : file.size;
	return text * MEMORY_PER_TEXT_BYTE;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-CA')} MB`;
const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Refuses, before reading, files whose dataset would not fit in the browser's database memory. */
export function checkMemoryBudget(files: readonly SizedFile[]): void {
	const need = files.reduce((sum, f) => sum + expectedMemory(f), 0);
	if (need <= MEMORY_LIMIT_BYTES * USABLE_SHARE) return;
	const names = files.map((f) => f.name).join(', ');
	const size = files.reduce((sum, f) => sum + f.size, 0);
	const largest = MEMORY_LIMIT_BYTES * USABLE_SHARE / MEMORY_PER_TEXT_BYTE;
	throw new ImportFileError(
		names,
		`${megabytes(size)} is more than this browser can hold: the dataset would need about ${gigabytes(need)} of memory, and the ` +
			`database in a browser tab has ${gigabytes(MEMORY_LIMIT_BYTES)}. Import a part of it as its own dataset (some years, or one clinic): ` +
			`plain CSV files up to about ${megabytes(largest)} fit (about ${(largest / VISIT_EXPORT_BYTES_PER_MILLION).toFixed(1)} million visit rows). Nothing was read and nothing kept has changed.`
	);
}
