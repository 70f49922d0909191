import clientsUrl from '../../../data/clients.csv.gz?url';
import measurementsUrl from '../../../data/measurements.csv.gz?url';
import sessionsUrl from '../../../data/sessions.csv.gz?url';
import therapistsUrl from '../../../data/therapists.csv.gz?url';
import type { DatasetFiles } from './loadDataset';

/** The bundled demo dataset's files, served from this origin as hashed assets. */
const DEMO_URLS: Record<keyof DatasetFiles, string> = {
	clients: clientsUrl,
	therapists: therapistsUrl,
	sessions: sessionsUrl,
	measurements: measurementsUrl
};

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`could not load demo file ${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

export async function fetchDemoFiles(): Promise<DatasetFiles> {
	const entries = await Promise.all(
		Object.entries(DEMO_URLS).map(async ([table, url]) => [table, await fetchBytes(url)] as const)
	);
	return Object.fromEntries(entries) as DatasetFiles;
}
