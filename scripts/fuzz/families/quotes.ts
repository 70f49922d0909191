import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const BREAKS: [string, (line: string) => string][] = [
	['a quote opened and never closed', (l) => l.replace(',', ',"')],
	['a stray quote inside a cell', (l) => l.replace(/,([^,]+),/, ',$1"x,')],
	['a backslash-escaped quote', (l) => l.replace(/,([^,]+),/, ',"\\"$1",')],
	['a quoted cell with text after its closing quote', (l) => l.replace(/,([^,]+),/, ',"$1"tail,')],
	['a quote at the very end', (l) => l + '"'],
	['three quotes in a row', (l) => l.replace(',', ',"""')]
];

/** Rows whose quotes do not balance, in the middle or the last row, or in the header. */
export const quotes: FuzzFamily = {
	name: 'unbalanced-quotes',
	about: 'quotes opened and not closed, stray and backslash-escaped quotes, in rows and headers',
	count: { full: 48, subset: 4 },
	make(random, index) {
		const rows = visitRows(random, random.integer(2, 60));
		const lines = csvText(VISIT_HEADERS, rows).split('\r\n');
		const [label, apply] = BREAKS[index % BREAKS.length];
		const at = index % 4 === 3 ? 0 : random.integer(1, lines.length - 2);
		lines[at] = apply(lines[at]);
		return { files: [{ name: 'visits.csv', bytes: utf8(lines.join('\r\n')) }], note: `${label}, line ${at + 1}` };
	}
};
