import { unzipSync } from 'fflate';
import { ImportFileError } from '../importFileError';

/** The data files a researcher bundle holds, in the order they are read: Parquet keeps the columns' types. */
const DATA_FILES = ['data.parquet', 'data.csv'] as const;

/** A bundle's data file is refused above this size once unpacked: the import reads at most this much. */
const MAX_UNPACKED_BYTES = 1024 ** 3;

const baseName = (path: string) => path.split('/').pop() ?? path;

/** The names in a zip archive, without unpacking anything; null when the bytes are not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (file) => {
				names.push(file.name);
				return false;
			}
		});
	} catch {
		return null;
	}
	return names;
}

/** Whether a zip archive's names are a researcher bundle's: a data.parquet or data.csv, and no Excel workbook. */
export function isResearcherBundle(names: readonly string[]): boolean {
	return !names.some((n) => n.startsWith('xl/')) && names.some((n) => (DATA_FILES as readonly string[]).includes(baseName(n)));
}

/**
 * The data file of a researcher bundle (.zip): data.parquet if it holds one, else data.csv, unpacked. Its other
 * files (README, dictionary, results, script) are not read.
 */
export function bundleDataFile(bytes: Uint8Array, name: string): { name: string; bytes: Uint8Array } {
	const names = zipEntryNames(bytes);
	if (names === null) throw new ImportFileError(name, 'the zip archive cannot be read (it may be cut short or damaged). Download or export it again.');
	const chosen = DATA_FILES.map((file) => names.find((n) => baseName(n) === file)).find((n) => n !== undefined);
	if (chosen === undefined) {
		throw new ImportFileError(name, 'the zip archive holds no data.parquet or data.csv. Import a researcher bundle of this app, or the data file itself.');
	}
	let unpacked: Uint8Array | undefined;
	try {
		unpacked = unzipSync(bytes, {
			filter: (file) => {
				if (file.name !== chosen) return false;
				if (file.originalSize > MAX_UNPACKED_BYTES) {
					throw new ImportFileError(name, `${chosen} would unpack to more than this browser can read. Import a part of the data.`);
				}
				return true;
			}
		})[chosen];
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		throw new ImportFileError(name, `${chosen} in the zip archive cannot be unpacked (it may be damaged). Download or export it again.`, { cause: error });
	}
	if (!unpacked || unpacked.length === 0) throw new ImportFileError(name, `${chosen} in the zip archive is empty. Export the data again.`);
	return { name: `${name} (${baseName(chosen)})`, bytes: unpacked };
}
