import { openBrowserConnector } from './browserConnector';
import type { Connector } from './connector';
import { fetchDemoFiles } from './demoFiles';
import { loadDataset } from './loadDataset';
import { LOCK_SETTINGS } from './settings';

/** What the page can say while the database starts. */
export type StartPhase = 'starting' | 'loading' | 'ready';

/** Marks in the page's performance timeline, read by the e2e tests and the benchmark. */
export const MARKS = {
	start: 'outcomes:duckdb-start',
	instantiated: 'outcomes:duckdb-ready',
	loaded: 'outcomes:data-loaded',
	firstChart: 'outcomes:first-chart'
} as const;

/** Durations in the page's performance timeline. */
export const MEASURES = {
	overviewQueries: 'outcomes:overview-queries'
} as const;

let started: Promise<Connector> | undefined;

/**
 * The page's one database: duckdb-wasm started once, lazily, with the demo data loaded and then locked
 * (no file or network access from SQL). Every caller shares the same stored promise.
 */
export function browserDatabase(onPhase: (phase: StartPhase) => void = () => {}): Promise<Connector> {
	started ??= start(onPhase);
	return started;
}

async function start(onPhase: (phase: StartPhase) => void): Promise<Connector> {
	onPhase('starting');
	performance.mark(MARKS.start);
	const [opened, fetched] = await Promise.allSettled([openBrowserConnector(), fetchDemoFiles()]);
	if (opened.status === 'rejected') throw opened.reason;
	const db = opened.value;
	if (fetched.status === 'rejected') {
		await db.close();
		throw fetched.reason;
	}
	const files = fetched.value;
	performance.mark(MARKS.instantiated);
	onPhase('loading');
	await loadDataset(db, files);
	await db.exec(LOCK_SETTINGS);
	performance.mark(MARKS.loaded);
	onPhase('ready');
	return db;
}
