import type { FuzzFamily, FuzzScale } from '../fuzzCase';
import { utf8, visitsCsv } from '../visitsTable';

const SHAPES: Record<FuzzScale, { rows: number; kind: 'one column' | 'visits' | 'empty lines' }[]> = {
	full: [
		{ rows: 1_000_000, kind: 'one column' },
		{ rows: 200_000, kind: 'visits' },
		{ rows: 500_000, kind: 'empty lines' }
	],
	subset: [{ rows: 20_000, kind: 'visits' }]
};

/** Very many tiny rows: a one-column file, a long visits file, or a header followed by empty lines. */
export const manyRows: FuzzFamily = {
	name: 'many-rows',
	about: 'a million one-cell rows, 200,000 visits, 500,000 empty lines',
	count: { full: SHAPES.full.length, subset: SHAPES.subset.length },
	make(random, index, scale) {
		const { rows, kind } = SHAPES[scale][index];
		const text =
			kind === 'visits' ? visitsCsv(random, rows, { eol: '\n' }) : kind === 'one column' ? 'x\n' + '1\n'.repeat(rows) : visitsCsv(random, 1) + '\n'.repeat(rows) + 'C1,2025-01-01,Swedish,Neck pain,5,3,\n';
		return { files: [{ name: 'rows.csv', bytes: utf8(text) }], note: `${rows.toLocaleString('en-CA')} rows, ${kind}` };
	}
};
