import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const COLUMNS = 10_000;

/** Extra headers that make a visits file 10,000 columns wide. */
const EXTRA: [string, (i: number) => string][] = [
	['named extra columns', (i) => `extra ${i}`],
	['blank extra headers', () => ''],
	['one repeated header', () => 'Pain before'],
	['headers that look like identifiers', (i) => (i % 2 ? `email ${i}` : `phone ${i}`)]
];

/** A valid visits file with 10,000 columns (the extras blank or filled). */
export const wide: FuzzFamily = {
	name: 'wide',
	about: '10,000 columns: named, blank, repeated and identifier-like extra headers',
	count: { full: 4, subset: 1 },
	make(random, index) {
		const [label, header] = EXTRA[index % EXTRA.length];
		const extras = Array.from({ length: COLUMNS - VISIT_HEADERS.length }, (_, i) => header(i));
		const rows = visitRows(random, random.integer(3, 20)).map((r) => [...r, ...extras.map((_, i) => (i % 97 === 0 ? String(i) : ''))]);
		return { files: [{ name: 'wide.csv', bytes: utf8(csvText([...VISIT_HEADERS, ...extras], rows)) }], note: `${COLUMNS} columns, ${label}` };
	}
};
