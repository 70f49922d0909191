import type { FuzzFamily } from '../fuzzCase';
import { fixture } from '../fixtures';

const SOURCES = ['duckdb-snappy.parquet', 'visits.xlsx', 'clinic-visits.csv', 'visits.json', 'visits.ndjson', 'fhir/Observation.ndjson'];
const EXTENSIONS = ['.csv', '.xlsx', '.parquet', '.json', '.ndjson', '.tsv', '.xls', '.txt'];

/** Valid files of one format named as another: Parquet as .csv, CSV as .xlsx, JSON as .parquet... */
export const wrongExtension: FuzzFamily = {
	name: 'wrong-extension',
	about: 'Parquet named .csv, CSV named .xlsx or .parquet, JSON named .csv, Excel named .json, any named .xls',
	count: { full: 48, subset: 3 },
	make(_random, index) {
		const source = SOURCES[index % SOURCES.length];
		const extension = EXTENSIONS[Math.floor(index / SOURCES.length) % EXTENSIONS.length];
		return { files: [{ name: `renamed${extension}`, bytes: fixture(source) }], note: `${source} named renamed${extension}` };
	}
};
