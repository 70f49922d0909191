/** A file to put in a tar archive. */
export interface TarEntry {
	name: string;
	content: Uint8Array;
}

const BLOCK = 512;

function writeText(header: Uint8Array, offset: number, length: number, text: string): void {
	const bytes = new TextEncoder().encode(text);
	if (bytes.length > length) throw new Error(`invalid tar field: ${text} is longer than ${length} bytes`);
	header.set(bytes, offset);
}

/** An octal number, zero-padded, ending in NUL, as ustar headers write them. */
function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
	writeText(header, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
}

function header(name: string, size: number, mtime: number): Uint8Array {
	const h = new Uint8Array(BLOCK);
	writeText(h, 0, 100, name);
	writeOctal(h, 100, 8, 0o644);
	writeOctal(h, 108, 8, 0);
	writeOctal(h, 116, 8, 0);
	writeOctal(h, 124, 12, size);
	writeOctal(h, 136, 12, mtime);
	h.fill(0x20, 148, 156); // the checksum counts its own field as spaces
	h[156] = 0x30; // '0': a regular file
	writeText(h, 257, 6, 'ustar\0');
	writeText(h, 263, 2, '00');
	const sum = h.reduce((total, byte) => total + byte, 0);
	writeText(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
	return h;
}

/**
 * A ustar archive of flat files (names up to 100 bytes): a 512-byte header per file, its content padded to 512
 * bytes, then two empty blocks. Tar rather than zip because no zip writer is a dependency and tar needs no
 * compression; every archive tool (and Windows 10+ `tar`) opens it.
 */
export function tarArchive(entries: readonly TarEntry[], mtime = new Date()): Uint8Array {
	const seconds = Math.floor(mtime.getTime() / 1000);
	const padded = (size: number) => Math.ceil(size / BLOCK) * BLOCK;
	const total = entries.reduce((sum, e) => sum + BLOCK + padded(e.content.length), 2 * BLOCK);
	const out = new Uint8Array(total);
	let offset = 0;
	for (const entry of entries) {
		out.set(header(entry.name, entry.content.length, seconds), offset);
		out.set(entry.content, offset + BLOCK);
		offset += BLOCK + padded(entry.content.length);
	}
	return out;
}
