import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector, DatasetFiles } from '$lib/db';
import { openDatasetDatabase } from './testDatabase';

/** The bundled demo files as the page fetches them. */
export function demoDatasetFiles(): DatasetFiles {
	const read = (name: string) => new Uint8Array(readFileSync(join('data', `${name}.csv.gz`)));
	return { clients: read('clients'), therapists: read('therapists'), sessions: read('sessions'), measurements: read('measurements') };
}

/** A Node DuckDB holding the demo data, locked as the page's is. */
export function openDemoDatabase(): Promise<Connector> {
	return openDatasetDatabase(demoDatasetFiles());
}
