/** A file read back from a ustar archive, for the tests. */
export interface TarFile {
	name: string;
	content: Uint8Array;
	mtime: number;
	checksumOk: boolean;
}

/** Reads a ustar archive written by tarArchive: headers, sizes, checksums, then the two empty end blocks. */
export function readTar(bytes: Uint8Array): TarFile[] {
	const field = (header: Uint8Array, offset: number, length: number) =>
		new TextDecoder().decode(header.subarray(offset, offset + length)).replace(/\0.*$/s, '');
	const files: TarFile[] = [];
	let offset = 0;
	while (offset + 512 <= bytes.length) {
		const header = bytes.subarray(offset, offset + 512);
		if (header.every((b) => b === 0)) break;
		if (field(header, 257, 6) !== 'ustar') throw new Error(`not a ustar header at ${offset}`);
		const size = parseInt(field(header, 124, 12), 8);
		const stored = parseInt(field(header, 148, 8), 8);
		const sum = header.reduce((total, b, i) => total + (i >= 148 && i < 156 ? 0x20 : b), 0);
		files.push({
			name: field(header, 0, 100),
			content: bytes.slice(offset + 512, offset + 512 + size),
			mtime: parseInt(field(header, 136, 12), 8),
			checksumOk: stored === sum
		});
		offset += 512 + Math.ceil(size / 512) * 512;
	}
	if (bytes.length - offset !== 1024) throw new Error(`expected two empty end blocks, found ${bytes.length - offset} bytes`);
	return files;
}
