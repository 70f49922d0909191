import type { FuzzFamily } from '../fuzzCase';
import { splice } from '../mutate';
import { utf8, visitsCsv } from '../visitsTable';

/** NUL bytes where text is expected: in cells, in the header, instead of delimiters, or nothing else. */
export const nulBytes: FuzzFamily = {
	name: 'nul-bytes',
	about: 'NUL bytes in cells, headers, as delimiters, and files of NULs only',
	count: { full: 40, subset: 3 },
	make(random, index) {
		const text = visitsCsv(random, random.integer(2, 30));
		switch (index % 5) {
			case 0: {
				let bytes: Uint8Array = utf8(text);
				for (let i = random.integer(1, 20); i > 0; i--) bytes = splice(bytes, random.integer(0, bytes.length), Uint8Array.of(0));
				return { files: [{ name: 'visits.csv', bytes }], note: 'NULs at random offsets' };
			}
			case 1:
				return { files: [{ name: 'visits.csv', bytes: utf8(text.replace(/^Client/, 'Cli\0ent')) }], note: 'NUL in a header' };
			case 2:
				return { files: [{ name: 'visits.csv', bytes: utf8(text.replaceAll(',', '\0')) }], note: 'NUL as the delimiter' };
			case 3:
				return { files: [{ name: 'visits.csv', bytes: new Uint8Array(random.integer(1, 5000)) }], note: 'NULs only' };
			default:
				return { files: [{ name: 'visits.csv', bytes: utf8(text.replace(/\r\n/g, '\0\r\n')) }], note: 'NUL ending every line' };
		}
	}
};
