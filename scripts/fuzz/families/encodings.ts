import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { concat } from '../mutate';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const CP1252 = new Map([
	[0x20ac, 0x80], [0x201a, 0x82], [0x201e, 0x84], [0x2026, 0x85], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2013, 0x96], [0x2014, 0x97]
]);

function utf16(text: string, bigEndian: boolean): Uint8Array {
	const out = new Uint8Array(text.length * 2);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		out[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
		out[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
	}
	return out;
}

function singleByte(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => CP1252.get(ch.charCodeAt(0)) ?? (ch.charCodeAt(0) & 0xff));
}

function utf32le(text: string): Uint8Array {
	const codes = [...text].map((ch) => ch.codePointAt(0)!);
	const out = new Uint8Array(codes.length * 4);
	codes.forEach((c, i) => new DataView(out.buffer).setUint32(i * 4, c, true));
	return out;
}

const BOM8 = Uint8Array.of(0xef, 0xbb, 0xbf);
const BOM16LE = Uint8Array.of(0xff, 0xfe);
const BOM16BE = Uint8Array.of(0xfe, 0xff);

/** A visits CSV with accents, curly quotes, € and an emoji in its notes. */
function accented(random: Random): string {
	const rows = visitRows(random, random.integer(3, 40)).map((r) => {
		r[6] = random.pick(['Zoë said “better”', 'café – 5 €', 'Ångström, naïve', 'très tendu', '👍 ok', 'Ünïcödé …']);
		return r;
	});
	return csvText(VISIT_HEADERS, rows);
}

const VARIANTS: [string, (text: string) => Uint8Array][] = [
	['UTF-16 LE with BOM', (t) => concat(BOM16LE, utf16(t, false))],
	['UTF-16 BE with BOM', (t) => concat(BOM16BE, utf16(t, true))],
	['UTF-16 LE without BOM', (t) => utf16(t, false)],
	['UTF-16 BE without BOM', (t) => utf16(t, true)],
	['UTF-16 LE, odd length', (t) => utf16(t, false).subarray(0, t.length * 2 - 1)],
	['Windows-1252', (t) => singleByte(t.replace(/[^\u0000-\u00ff\u20ac\u201a\u201e\u2026\u2018\u2019\u201c\u201d\u2013\u2014]/gu, '?'))],
	['Latin-1', (t) => singleByte(t.replace(/[^\u0000-\u00ff]/gu, '?'))],
	['UTF-8 with BOM', (t) => concat(BOM8, utf8(t))],
	['UTF-8 with two BOMs', (t) => concat(BOM8, BOM8, utf8(t))],
	['UTF-8 with a BOM before every line', (t) => utf8(t.replace(/^/gm, '\ufeff'))],
	['UTF-16 LE BOM on UTF-8 bytes', (t) => concat(BOM16LE, utf8(t))],
	['UTF-32 LE with BOM', (t) => utf32le('\ufeff' + t)],
	['UTF-8 with lone surrogate bytes', (t) => concat(utf8(t.slice(0, 40)), Uint8Array.of(0xed, 0xa0, 0x80, 0xc3), utf8(t.slice(40)))],
	['Latin-1 header, UTF-8 rows', (t) => concat(singleByte('Clïent' + t.slice(6, t.indexOf('\n') + 1)), utf8(t.slice(t.indexOf('\n') + 1)))]
];

/** The same visits in the encodings spreadsheets and old systems write, with and without byte order marks. */
export const encodings: FuzzFamily = {
	name: 'encodings',
	about: 'UTF-16 LE/BE with and without BOM, Latin-1, Windows-1252, UTF-8 BOMs, UTF-32, broken UTF-8',
	count: { full: 70, subset: 7 },
	make(random, index) {
		const [label, encode] = VARIANTS[index % VARIANTS.length];
		return { files: [{ name: `visits-${index}.csv`, bytes: encode(accented(random)) }], note: label };
	}
};
