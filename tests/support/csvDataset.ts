import { gzipSync } from 'node:zlib';
import type { DatasetFiles } from '$lib/db';

/** A dataset written out as CSV text, table by table. */
export type CsvDataset = Record<keyof DatasetFiles, string>;

/** The tables gzipped, as the page receives the bundled files. */
export function gzippedDatasetFiles(csv: CsvDataset): DatasetFiles {
	const bytes = (text: string) => new Uint8Array(gzipSync(text));
	return {
		clients: bytes(csv.clients),
		therapists: bytes(csv.therapists),
		sessions: bytes(csv.sessions),
		measurements: bytes(csv.measurements)
	};
}
