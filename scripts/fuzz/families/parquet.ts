import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { fixture, fixtureNames } from '../fixtures';
import { concat, scramble, truncate } from '../mutate';

const PARQUET = fixtureNames('.parquet');

function footerLength(bytes: Uint8Array): number {
	return new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
}

function withFooterLength(bytes: Uint8Array, length: number): Uint8Array {
	const copy = bytes.slice();
	new DataView(copy.buffer).setUint32(copy.length - 8, length >>> 0, true);
	return copy;
}

/** Ways to break a Parquet file: its footer length, its magic, its metadata or its pages. */
const DAMAGE: [string, (random: Random, bytes: Uint8Array) => Uint8Array][] = [
	['footer length far too large', (_r, b) => withFooterLength(b, 0x7fffffff)],
	['footer length zero', (_r, b) => withFooterLength(b, 0)],
	['footer length off by one', (r, b) => withFooterLength(b, footerLength(b) + r.pick([-1, 1]))],
	['footer length negative', (_r, b) => withFooterLength(b, -5)],
	['end magic damaged', (_r, b) => concat(b.subarray(0, b.length - 1), Uint8Array.of(0x30))],
	['start magic damaged', (_r, b) => concat(Uint8Array.of(0x50, 0x41, 0x52, 0x32), b.subarray(4))],
	['random bytes in the footer', (r, b) => scramble(r, b, r.integer(1, 12), b.length - 8 - footerLength(b), b.length - 8)],
	['random bytes in the pages', (r, b) => scramble(r, b, r.integer(1, 30), 4, b.length - 8 - footerLength(b))],
	['cut short', (r, b) => truncate(r, b)],
	['cut short, end magic put back', (r, b) => concat(truncate(r, b), Uint8Array.of(0x50, 0x41, 0x52, 0x31))],
	['pages removed', (_r, b) => concat(b.subarray(0, 4), b.subarray(b.length - 8 - footerLength(b)))],
	['encrypted footer magic', (_r, b) => concat(b.subarray(0, b.length - 4), Uint8Array.of(0x50, 0x41, 0x52, 0x45))],
	['footer only', (_r, b) => concat(Uint8Array.of(0x50, 0x41, 0x52, 0x31), b.subarray(b.length - 8 - footerLength(b)))],
	['one byte of the footer zeroed in every 16', (_r, b) => b.map((v, i) => (i > b.length - 8 - footerLength(b) && i < b.length - 8 && i % 16 === 0 ? 0 : v))]
];

/** Parquet fixtures from DuckDB, pyarrow and hyparquet-writer, damaged as disks, downloads and bad writers do. */
export const parquet: FuzzFamily = {
	name: 'parquet-corrupt',
	about: 'Parquet with damaged footer length, magic, metadata or pages, cut short, footer only, "encrypted"',
	count: { full: 112, subset: 8 },
	make(random, index) {
		const path = PARQUET[index % PARQUET.length];
		const [label, damage] = DAMAGE[index % DAMAGE.length];
		return { files: [{ name: path, bytes: damage(random, fixture(path)) }], note: `${path}: ${label}` };
	}
};
