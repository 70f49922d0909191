import { zipSync, type Zippable } from 'fflate';

/** A file to put in a zip archive. */
export interface ZipEntry {
	name: string;
	content: Uint8Array;
}

/**
 * Files as one zip archive (deflated, every file dated `created`), written by fflate: a .zip opens with a double
 * click on Windows, macOS and Linux desktops.
 */
export function zipArchive(entries: readonly ZipEntry[], created: Date): Uint8Array {
	const files: Zippable = {};
	for (const entry of entries) {
		if (entry.name in files) throw new Error(`duplicate file in archive: ${entry.name}`);
		files[entry.name] = [entry.content, { mtime: created, level: 6 }];
	}
	return zipSync(files);
}
