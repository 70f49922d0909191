import type { FuzzFamily } from '../fuzzCase';
import { fixture, fixtureNames } from '../fixtures';
import { truncate } from '../mutate';

const FIXTURES = fixtureNames('.csv', '.parquet', '.xlsx', '.json', '.ndjson');

/** Valid fixtures of every format cut short at a random byte, as an interrupted download leaves them. */
export const truncated: FuzzFamily = {
	name: 'truncated',
	about: 'valid CSV, Parquet, Excel, JSON, NDJSON and FHIR fixtures cut at a random offset',
	count: { full: 100, subset: 8 },
	make(random, index) {
		const path = FIXTURES[index % FIXTURES.length];
		const bytes = truncate(random, fixture(path));
		return { files: [{ name: path.split('/').pop()!, bytes }], note: `${path} cut to ${bytes.length} bytes` };
	}
};
