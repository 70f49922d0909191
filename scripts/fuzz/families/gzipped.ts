import { gzipSync } from 'node:zlib';
import type { FuzzFamily, FuzzScale } from '../fuzzCase';
import { fixture } from '../fixtures';
import { randomBytes, scramble, truncate } from '../mutate';
import { utf8, visitsCsv } from '../visitsTable';

const BOMB_BYTES: Record<FuzzScale, number> = { full: 300 * 1024 ** 2, subset: 20 * 1024 ** 2 };

/** Gzipped files that are not what they claim: cut short, corrupted, of another format, gzipped twice, a bomb. */
export const gzipped: FuzzFamily = {
	name: 'gzip',
	about: 'gzip cut short or with corrupt streams, gzipped Parquet/Excel/random bytes, gzip twice, a decompression bomb',
	count: { full: 42, subset: 4 },
	make(random, index, scale) {
		const csv = gzipSync(utf8(visitsCsv(random, random.integer(5, 200))));
		switch (index % 7) {
			case 0:
				return { files: [{ name: 'visits.csv.gz', bytes: truncate(random, csv) }], note: 'gzip cut short' };
			case 1:
				return { files: [{ name: 'visits.csv.gz', bytes: scramble(random, csv, random.integer(1, 8), 10) }], note: 'gzip with corrupt bytes' };
			case 2:
				return { files: [{ name: 'visits.csv.gz', bytes: gzipSync(fixture('duckdb-snappy.parquet')) }], note: 'gzipped Parquet named .csv.gz' };
			case 3:
				return { files: [{ name: 'visits.csv.gz', bytes: gzipSync(randomBytes(random, random.integer(10, 5000))) }], note: 'gzipped random bytes' };
			case 4:
				return { files: [{ name: 'visits.csv.gz', bytes: gzipSync(csv) }], note: 'gzipped twice' };
			case 5:
				return { files: [{ name: random.pick(['visits.json.gz', 'visits.ndjson.gz', 'visits.xlsx.gz']), bytes: csv }], note: 'gzipped CSV named as another format' };
			default:
				if (index === 6) {
					const bomb = gzipSync(new Uint8Array(BOMB_BYTES[scale]).fill(0x31), { level: 9 });
					return { files: [{ name: 'bomb.csv.gz', bytes: bomb }], note: `${bomb.length} bytes unpacking to ${BOMB_BYTES[scale] / 1024 ** 2} MB of "1"` };
				}
				return { files: [{ name: 'visits.csv.gz', bytes: gzipSync(visitsCsv(random, 3)).subarray(0, 18) }], note: 'gzip header only' };
		}
	}
};
