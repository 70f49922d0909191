import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

/** Header cells that are SQL, quotes, escapes, internal names, invisible or repeated. */
const HOSTILE_HEADERS = [
	'"; DROP TABLE sessions; --',
	"'); DROP TABLE import_raw; --",
	'SELECT',
	'FROM',
	'__row',
	'c0',
	'c1',
	'rowid',
	'NULL',
	'import_raw',
	'Client"',
	'Cli""ent',
	'back\\slash\\',
	'\\"',
	'${process.exit()}',
	'{{constructor.constructor("x")()}}',
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'‮Client',
	'Client\u200b',
	'   ',
	'',
	'Client',
	'Date',
	'x'.repeat(5000),
	'line\nbreak',
	'💥'
];

/** A visits file whose header has duplicate, empty and hostile names next to (or instead of) the real ones. */
export const headers: FuzzFamily = {
	name: 'hostile-headers',
	about: 'duplicate and empty headers, SQL keywords, quotes, backslashes, "; DROP TABLE", __proto__, internal column names',
	count: { full: 48, subset: 4 },
	make(random, index) {
		const rows = visitRows(random, random.integer(2, 30));
		const names = [...VISIT_HEADERS];
		const mode = index % 3;
		for (let i = 0; i < random.integer(1, 6); i++) {
			const hostile = HOSTILE_HEADERS[(index + i * 7) % HOSTILE_HEADERS.length];
			if (mode === 0) names[random.integer(0, names.length - 1)] = hostile;
			else names.push(hostile);
		}
		const cells = rows.map((r) => names.map((_, i) => r[i] ?? random.pick(['1', '', 'x'])));
		if (mode === 2) names.splice(0, names.length, ...names.map((n) => (random.chance(0.5) ? 'Client' : n)));
		return { files: [{ name: 'visits.csv', bytes: utf8(csvText(names, cells)) }], note: `headers ${JSON.stringify(names).slice(0, 160)}` };
	}
};
