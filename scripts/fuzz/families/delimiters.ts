import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const DELIMS = [',', ';', '\t', '|'];

/** Files whose header and rows disagree on the delimiter, or change it from row to row. */
export const delimiters: FuzzFamily = {
	name: 'mixed-delimiters',
	about: 'header and rows with different delimiters, a delimiter per row, delimiters inside unquoted cells',
	count: { full: 40, subset: 3 },
	make(random, index) {
		const rows = visitRows(random, random.integer(2, 40));
		const header = random.pick(DELIMS);
		const lines = [VISIT_HEADERS.join(header)];
		const variant = index % 4;
		for (const row of rows) {
			if (variant === 0) lines.push(row.join(DELIMS.find((d) => d !== header)!));
			else if (variant === 1) lines.push(row.join(random.pick(DELIMS)));
			else if (variant === 2) lines.push(row.map((c, i) => (i === 6 ? `${c}${header}${c}` : c)).join(header));
			else lines.push(row.map((c) => c + random.pick(['', ',', ';'])).join(random.pick([',', ';'])));
		}
		const text = variant === 3 ? csvText(VISIT_HEADERS, []) + lines.slice(1).join('\n') : lines.join('\n');
		return { files: [{ name: random.pick(['visits.csv', 'visits.tsv', 'visits.txt']), bytes: utf8(text) }], note: `variant ${variant}, header delimiter ${JSON.stringify(header)}` };
	}
};
