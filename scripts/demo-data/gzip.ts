/** Gzip with a header that does not depend on when or where it ran, so regenerating changes no bytes. */
import { gzipSync } from 'node:zlib';

const OS_BYTE = 9;
const OS_UNIX = 3;

export function gzipReproducible(text: string): Buffer {
	// zlib leaves the mtime field 0, but writes the OS byte of the platform it was built for (10 on Windows).
	const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
	gz[OS_BYTE] = OS_UNIX;
	return gz;
}
