import type { FuzzFamily } from '../fuzzCase';
import { fixture } from '../fixtures';
import { scramble } from '../mutate';

const SOURCES = ['clinic-visits.csv', 'clinic-export.csv', 'outcomes-long.csv', 'visits-with-email.csv'];

/** Valid clinic exports with random bytes changed, anywhere from the header to the last row. */
export const mutatedCsv: FuzzFamily = {
	name: 'mutated-csv',
	about: 'the clinic export fixtures with 1 to 200 random bytes changed',
	count: { full: 50, subset: 3 },
	make(random, index) {
		const source = SOURCES[index % SOURCES.length];
		const bytes = fixture(source);
		const changed = random.integer(1, 200);
		return { files: [{ name: source, bytes: scramble(random, bytes, changed) }], note: `${source} with ${changed} random bytes` };
	}
};
