import type { FuzzFamily, FuzzScale } from '../fuzzCase';
import { concat } from '../mutate';
import { utf8, visitsCsv } from '../visitsTable';

const MB = 1024 ** 2;

/** One cell (or header) of this many bytes, by scale; the full run has the 100 MB field. */
const SIZES: Record<FuzzScale, { bytes: number; where: 'quoted note' | 'unquoted note' | 'header' }[]> = {
	full: [
		{ bytes: 100 * MB, where: 'quoted note' },
		{ bytes: 30 * MB, where: 'unquoted note' },
		{ bytes: 8 * MB, where: 'header' }
	],
	subset: [{ bytes: 4 * MB, where: 'quoted note' }]
};

/** A valid visits file with one enormous field: a note with commas and line breaks, a plain one, or a header. */
export const bigField: FuzzFamily = {
	name: 'big-field',
	about: 'one field of 100 MB (a quoted note with commas and line breaks), 30 MB unquoted, an 8 MB header',
	count: { full: SIZES.full.length, subset: SIZES.subset.length },
	make(random, index, scale) {
		const { bytes, where } = SIZES[scale][index];
		const text = visitsCsv(random, 5);
		const lines = text.split('\r\n');
		const filler = new Uint8Array(bytes).fill(0x61);
		if (where === 'quoted note') {
			for (let i = 4096; i < bytes; i += 4096) filler[i] = i % 8192 === 0 ? 0x0a : 0x2c;
		}
		const quote = where === 'quoted note' ? utf8('"') : new Uint8Array();
		if (where === 'header') {
			const file = concat(utf8('Client,Date,Technique,Condition,Pain before,Pain after,'), filler, utf8('\r\n' + lines.slice(1).join('\r\n')));
			return { files: [{ name: 'visits.csv', bytes: file }], note: `a header of ${bytes / MB} MB` };
		}
		const head = lines.slice(0, 3).join('\r\n') + '\r\n' + lines[3].replace(/,[^,]*$/, ',');
		const file = concat(utf8(head), quote, filler, quote, utf8('\r\n' + lines.slice(4).join('\r\n')));
		return { files: [{ name: 'visits.csv', bytes: file }], note: `a ${where} of ${bytes / MB} MB in row 4` };
	}
};
