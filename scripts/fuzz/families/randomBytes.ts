import type { FuzzFamily } from '../fuzzCase';
import { concat, randomBytes as bytesOf } from '../mutate';
import { utf8 } from '../visitsTable';

const NAMES = ['data.csv', 'data.tsv', 'data.txt', 'data.json', 'data.ndjson', 'data.parquet', 'data.xlsx', 'data.csv.gz', 'data', 'data.xls', 'data.jsonl'];
const MAGIC = ['', 'PAR1', 'PK\u0003\u0004', '\u001f\u008b', '{', '[', '"'];

/** Random bytes under every file name the importer knows, some starting with a format's magic number. */
export const randomBytes: FuzzFamily = {
	name: 'random-bytes',
	about: 'random bytes named .csv, .json, .parquet, .xlsx, .gz..., some after a format magic number',
	count: { full: 55, subset: 4 },
	make(random, index) {
		const name = NAMES[index % NAMES.length];
		const magic = MAGIC[Math.floor(index / NAMES.length) % MAGIC.length];
		const head = Uint8Array.from(magic, (ch) => ch.charCodeAt(0));
		const bytes = concat(head, bytesOf(random, random.integer(1, 20_000)), magic === 'PAR1' ? utf8('PAR1') : new Uint8Array());
		return { files: [{ name, bytes }], note: `${bytes.length} random bytes${magic ? ` after ${JSON.stringify(magic)}` : ''}` };
	}
};
