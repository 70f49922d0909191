import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS } from '../visitsTable';

const CONTENTS: [string, string, string | Uint8Array][] = [
	['empty', 'empty.csv', ''],
	['empty JSON', 'empty.json', ''],
	['empty Parquet', 'empty.parquet', ''],
	['empty Excel', 'empty.xlsx', ''],
	['whitespace only', 'blank.csv', '  \t \r\n \r\n   '],
	['line breaks only', 'blank.csv', '\n\n\n\r\n\r'],
	['a UTF-8 BOM only', 'bom.csv', Uint8Array.of(0xef, 0xbb, 0xbf)],
	['a UTF-16 BOM only', 'bom.csv', Uint8Array.of(0xff, 0xfe)],
	['only the header', 'header.csv', VISIT_HEADERS.join(',') + '\r\n'],
	['only the header, no line break', 'header.csv', VISIT_HEADERS.join(',')],
	['only a header of commas', 'commas.csv', ',,,,,,\n'],
	['a header and blank rows', 'header.csv', VISIT_HEADERS.join(',') + '\n,,,,,,\n\n,,,,,,\n'],
	['whitespace NDJSON', 'blank.ndjson', '\n \n\t\n'],
	['one quote', 'quote.csv', '"'],
	['one comma', 'comma.csv', ','],
	['an empty gzip', 'empty.csv.gz', Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
];

/** Files with nothing in them, or nothing but a header, whitespace or a byte order mark. */
export const empty: FuzzFamily = {
	name: 'empty',
	about: 'empty files of every format, whitespace or line breaks only, a BOM only, only a header, an empty gzip',
	count: { full: 32, subset: 6 },
	make(_random, index) {
		const [label, name, content] = CONTENTS[index % CONTENTS.length];
		const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
		return { files: [{ name, bytes }], note: label };
	}
};
