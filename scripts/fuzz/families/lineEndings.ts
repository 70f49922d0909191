import type { Random } from '../../demo-data/random';
import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const VARIANTS: [string, (random: Random) => string][] = [
	['CR-only line endings', (r) => csvText(VISIT_HEADERS, visitRows(r, r.integer(2, 50)), { eol: '\r' })],
	['mixed CRLF, LF and CR', (r) => visitRowsText(r).replace(/\r\n/g, () => r.pick(['\r\n', '\n', '\r']))],
	['LF CR (reversed) endings', (r) => csvText(VISIT_HEADERS, visitRows(r, r.integer(2, 50)), { eol: '\n\r' })],
	['no line break at the end', (r) => visitRowsText(r).trimEnd()],
	['a 2 MB line with no delimiter', (r) => visitRowsText(r) + 'x'.repeat(2 * 1024 * 1024) + '\r\n'],
	['a 600 kB line of delimiters', (r) => visitRowsText(r) + ','.repeat(600_000) + '\r\n'],
	['form feeds and vertical tabs as breaks', (r) => visitRowsText(r).replace(/\r\n/g, () => r.pick(['\f', '\v', '\u2028', '\u0085']))],
	['trailing spaces and tabs on every line', (r) => visitRowsText(r).replace(/\r\n/g, ' \t \r\n')]
];

function visitRowsText(random: Random): string {
	return csvText(VISIT_HEADERS, visitRows(random, random.integer(2, 50)));
}

/** Line endings of every kind, lines that never end and lines far longer than a row. */
export const lineEndings: FuzzFamily = {
	name: 'line-endings',
	about: 'CR-only, mixed and reversed line endings, Unicode breaks, very long lines',
	count: { full: 40, subset: 3 },
	make(random, index) {
		const [label, text] = VARIANTS[index % VARIANTS.length];
		return { files: [{ name: 'visits.csv', bytes: utf8(text(random)) }], note: label };
	}
};
