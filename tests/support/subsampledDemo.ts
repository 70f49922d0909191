import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from '$lib/db';
import { gzippedDatasetFiles, type CsvDataset } from './csvDataset';
import { openDatasetDatabase } from './testDatabase';

function demoCsv(name: string): string[] {
	return gunzipSync(readFileSync(join('data', `${name}.csv.gz`))).toString('utf8').trimEnd().split('\n');
}

/**
 * A random practice cut from the demo data: `clients` clients drawn with the seed, with all their sessions and scores
 * (a solo RMT's year is about 150). Small groups are the rule in such data, which is what an audit needs.
 */
export function subsampledDemo(clients: number, seed: number): CsvDataset {
	const [clientHeader, ...clientLines] = demoCsv('clients');
	let state = seed >>> 0 || 1;
	const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
	const picked = new Set(
		clientLines
			.map((line) => ({ line, order: random() }))
			.sort((a, b) => a.order - b.order)
			.slice(0, clients)
			.map(({ line }) => line.split(',')[0])
	);
	const keep = (lines: string[], column: number) => lines.filter((line, i) => i === 0 || picked.has(line.split(',')[column]));
	const [sessionHeader, ...sessionLines] = demoCsv('sessions');
	const sessionColumn = sessionHeader.split(',').indexOf('client_id');
	const sessions = [sessionHeader, ...sessionLines.filter((line) => picked.has(line.split(',')[sessionColumn]))];
	const sessionIds = new Set(sessions.slice(1).map((line) => line.split(',')[0]));
	const [measurementHeader, ...measurementLines] = demoCsv('measurements');
	const idColumn = measurementHeader.split(',').indexOf('session_id');
	return {
		clients: keep([clientHeader, ...clientLines], 0).join('\n') + '\n',
		therapists: demoCsv('therapists').join('\n') + '\n',
		sessions: sessions.join('\n') + '\n',
		measurements: [measurementHeader, ...measurementLines.filter((line) => sessionIds.has(line.split(',')[idColumn]))].join('\n') + '\n'
	};
}

export function openSubsampledDemo(clients: number, seed: number): Promise<Connector> {
	return openDatasetDatabase(gzippedDatasetFiles(subsampledDemo(clients, seed)));
}
