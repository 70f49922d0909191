import type { FuzzFamily } from '../fuzzCase';
import { VISIT_HEADERS, csvText, utf8, visitRows } from '../visitsTable';

const NUMBERS = ['1e309', '-1e309', 'NaN', 'nan', '-0', '+0', 'Infinity', '-Infinity', '0x10', '1,5', '1e-400', '99999999999999999999999', '٣', '５', '1_000', '.', '-', '1..2', '0.1e', '   7   ', '7 8'];
const DATES = ['0000-00-00', '2023-02-30', '9999-12-31', '1900-01-00', '-0001-01-01', '2025-13-01', '2025-01-01T25:61:61', '1700000000', '00/00/0000', '31/31/2025', '2025-1-1', '20250101', '2025-02-29', '12/13/14', 'yesterday', '2025-06-15 24:00:00', '０２/０３/２０２５'];

/** Visits whose scores and dates are numbers and dates only in name: overflow, NaN, -0, impossible days. */
export const numbersDates: FuzzFamily = {
	name: 'numbers-dates',
	about: 'scores of 1e309, NaN, -0, Infinity, hex; dates 0000-00-00, 2023-02-30, out of range',
	count: { full: 48, subset: 4 },
	make(random, index) {
		const rows = visitRows(random, random.integer(5, 40)).map((row) => {
			if (random.chance(0.6)) row[random.pick([4, 5])] = random.pick(NUMBERS);
			if (random.chance(0.6)) row[1] = random.pick(DATES);
			return row;
		});
		return { files: [{ name: `odd-values-${index}.csv`, bytes: utf8(csvText(VISIT_HEADERS, rows)) }], note: 'odd numbers and dates' };
	}
};
