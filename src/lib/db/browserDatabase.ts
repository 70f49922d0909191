import { DEMO_DATASET, DEMO_DATASET_ID, type DatasetInfo } from '$lib/storage/datasetInfo';
import { activeDatasetId, datasetStore, setActiveDatasetId } from '$lib/storage/datasetStore';
import { pendingSaves } from '$lib/storage/pendingSaves.svelte';
import { openBrowserConnector } from './browserConnector';
import type { Connector } from './connector';
import { fetchDemoFiles } from './demoFiles';
import { loadDataset, type DatasetFiles } from './loadDataset';
import { loadKeptDataset } from './loadKeptDataset';
import { LOCK_SETTINGS } from './settings';
import { errorMessage } from '$lib/errorMessage';
import { engineStatus } from './engineStatus.svelte';
import { EngineStopped } from './engineStopped';
import { afterDashboardDrawn } from './afterDashboardDrawn';
import { compactTables } from './compactTables';
import { openRemoteConnector, type ServerAddress } from './remoteConnector';
import { connectedServer, forgetServer, SERVER_DATASET_ID } from '$lib/storage/serverConnection';

/** What the page can say while the database starts. */
export type StartPhase = 'starting' | 'loading' | 'ready';

import { MARKS } from './marks';

export { MARKS, MEASURES } from './marks';

/** The page's database and the dataset it holds. */
export interface ShownDataset {
	db: Connector;
	dataset: DatasetInfo;
	/** Why the remembered dataset could not be shown, when the demo data stand in for it. */
	fallback: string | null;
}

let started: Promise<ShownDataset> | undefined;
/**
 * The id of the dataset shown, or being started to be shown, known at once: an import's save asks for it while a
 * start may be waiting for that very save (see chosenSource).
 */
let shownId: string | undefined;
/** Counts starts and shown databases, so that only the latest says which dataset is shown. */
let starts = 0;

/** Work that still needs a database after it stops being shown (keeping an import): it is closed after that. */
const holds = new WeakMap<Connector, Promise<unknown>[]>();

/** Keeps a database open until `work` settles, even if another dataset is shown meanwhile. */
export function holdOpen(db: Connector, work: Promise<unknown>): void {
	holds.set(db, [...(holds.get(db) ?? []), work]);
}

async function closeWhenFree(db: Connector): Promise<void> {
	await Promise.allSettled(holds.get(db) ?? []);
	await db.close().catch(() => undefined);
}

/**
 * The page's one database: duckdb-wasm started once, lazily, with the chosen dataset loaded (the demo data
 * unless the person chose one of theirs) and then locked (no file or network access from SQL). Every caller
 * shares the same stored promise until another dataset is shown.
 */
export function shownDataset(onPhase: (phase: StartPhase) => void = () => {}): Promise<ShownDataset> {
	started ??= tracked(start(onPhase));
	return started;
}

/** Says, for every page, whether the data shown are on a query server. */
function tracked(shown: Promise<ShownDataset>): Promise<ShownDataset> {
	void shown.then((s) => (engineStatus.served = s.db.served?.url ?? null)).catch(() => undefined);
	return shown;
}

/** The shown dataset's database. */
export async function browserDatabase(onPhase: (phase: StartPhase) => void = () => {}): Promise<Connector> {
	return (await shownDataset(onPhase)).db;
}

/**
 * Where a dataset's tables come from: files to load (the demo data, or a dataset kept in IndexedDB), its database
 * file, or a query server that holds them.
 */
type DatasetSource = { files: Promise<DatasetFiles> } | { file: DatasetInfo } | { server: ServerAddress };

const DEMO_SOURCE = () => ({ files: fetchDemoFiles() });

async function chosenSource(id: string): Promise<{ dataset: DatasetInfo; source: DatasetSource; fallback: string | null }> {
	if (id === SERVER_DATASET_ID) {
		const server = connectedServer();
		if (server) return { dataset: serverDataset(server), source: { server }, fallback: null };
		setActiveDatasetId(DEMO_DATASET_ID);
		return { dataset: DEMO_DATASET, source: DEMO_SOURCE(), fallback: 'The connection to a query server is kept for one browser tab only: connect again on Your data. The demo data are shown.' };
	}
	if (id !== DEMO_DATASET_ID) {
		try {
			// A dataset just imported may still be on its way into storage.
			await pendingSaves.settled(id);
			const info = await datasetStore.info(id);
			if (info?.file) return { dataset: info, source: { file: info }, fallback: null };
			const files = info ? await datasetStore.files(id) : undefined;
			if (info && files) return { dataset: info, source: { files: Promise.resolve(files) }, fallback: null };
			setActiveDatasetId(DEMO_DATASET_ID);
			return { dataset: DEMO_DATASET, source: DEMO_SOURCE(), fallback: 'The dataset chosen last time is no longer in this browser; the demo data are shown.' };
		} catch (error) {
			const why = errorMessage(error);
			return { dataset: DEMO_DATASET, source: DEMO_SOURCE(), fallback: `This browser's storage could not be read (${why}); the demo data are shown.` };
		}
	}
	return { dataset: DEMO_DATASET, source: DEMO_SOURCE(), fallback: null };
}

/** A server's dataset as the pages name it, until the server says more. */
function serverDataset(server: ServerAddress, name = 'Data'): DatasetInfo {
	return { id: SERVER_DATASET_ID, name: `${name} on the query server at ${server.url}`, sources: [], importedAt: '', updatedAt: '', sessions: 0, measurements: 0, clients: 0, keySalt: '' };
}

/**
 * Connects to a query server: no engine starts in the tab, and nothing is loaded or locked here (the server did
 * both). A server that cannot be reached or refuses the token leaves the demo data shown, saying why.
 */
async function startServer(onPhase: (phase: StartPhase) => void, server: ServerAddress): Promise<ShownDataset> {
	onPhase('loading');
	const db = openRemoteConnector(server);
	try {
		const info = await db.dataset();
		performance.mark(MARKS.loaded);
		onPhase('ready');
		const dataset = { ...serverDataset(server, info.name), sources: info.files, sessions: info.sessions, measurements: info.measurements, clients: info.clients };
		return { db, dataset, fallback: null };
	} catch (error) {
		forgetServer();
		setActiveDatasetId(DEMO_DATASET_ID);
		const shown = await start(onPhase, DEMO_DATASET_ID);
		return { ...shown, fallback: `The data on the query server at ${server.url} could not be shown (${errorMessage(error)}); the demo data are shown.` };
	}
}

/** Starts an engine with a dataset: the one chosen in this browser unless another is named. */
async function start(onPhase: (phase: StartPhase) => void, id = activeDatasetId()): Promise<ShownDataset> {
	const ticket = ++starts;
	shownId = id;
	onPhase('starting');
	performance.mark(MARKS.start);
	const chosen = await chosenSource(id);
	if (ticket === starts) shownId = chosen.dataset.id;
	const source = chosen.source;
	if ('server' in source) return startServer(onPhase, source.server);
	const [opened, fetched] = await Promise.allSettled([openBrowserConnector(), 'files' in source ? source.files : null]);
	if (opened.status === 'rejected') throw opened.reason;
	const db = opened.value;
	if (fetched.status === 'rejected') {
		await db.close();
		throw fetched.reason;
	}
	performance.mark(MARKS.instantiated);
	onPhase('loading');
	if ('file' in source) {
		try {
			await loadKeptDataset(db, source.file);
		} catch (error) {
			// The file is gone or unreadable (storage cleared by the browser): the demo data stand in, and say why.
			await db.close();
			setActiveDatasetId(DEMO_DATASET_ID);
			const shown = await start(onPhase, DEMO_DATASET_ID);
			return { ...shown, fallback: `${datasetName(source.file)} could not be read from this browser's storage (${errorMessage(error)}); the demo data are shown.` };
		}
	} else {
		await loadDataset(db, fetched.value!);
	}
	await db.exec(LOCK_SETTINGS);
	performance.mark(MARKS.loaded);
	onPhase('ready');
	watch(db);
	// The tables compressed once the dashboard has drawn: the engine is held while it runs.
	void afterDashboardDrawn(performance.now(), 3000)
		.then(() => compactTables(db))
		.catch(() => undefined);
	return { db, dataset: chosen.dataset, fallback: chosen.fallback };
}

const datasetName = (dataset: DatasetInfo) => (dataset.id === DEMO_DATASET_ID ? 'the demo data' : `“${dataset.name}”`);
/** "the demo data are", "“Clinic A” is". */
const datasetIs = (dataset: DatasetInfo) => `${datasetName(dataset)} ${dataset.id === DEMO_DATASET_ID ? 'are' : 'is'}`;

/** Starts the engine again, with the same dataset, if the shown database's engine stops by itself. */
function watch(db: Connector): void {
	void db.stopped?.then((reason) => restart(db, reason));
}

async function restart(db: Connector, reason: Error): Promise<void> {
	const shown = await started?.catch(() => null);
	if (shown?.db !== db) return;
	const name = datasetName(shown.dataset);
	const why = errorMessage(reason instanceof EngineStopped ? reason.cause : reason);
	engineStatus.notice = { tone: 'working', text: `The database engine stopped (${why}). Starting it again and loading ${name} from this browser…` };
	started = tracked(start(() => {}, shown.dataset.id));
	engineStatus.generation++;
	try {
		const again = await started;
		engineStatus.notice = {
			tone: 'done',
			text:
				again.dataset.id === shown.dataset.id
					? `The database engine stopped and was started again: ${datasetIs(again.dataset)} loaded again, as before.`
					: `The database engine stopped and was started again, but ${name} could not be loaded again: ${datasetIs(again.dataset)} shown.`
		};
	} catch (error) {
		engineStatus.notice = { tone: 'failed', text: `The database engine stopped and could not be started again (${errorMessage(error)}). Reload the page to try again.` };
	}
}

/**
 * Shows another dataset: either a database an import has just filled (and locked), or a kept dataset loaded
 * afresh. The previous database is closed once the new one is in place. An imported dataset becomes the one shown
 * next time only once it is kept (see rememberKeptDataset): until then a reload, or a tab closed meanwhile, shows
 * the dataset shown before.
 */
export async function showDataset(next: { db: Connector; dataset: DatasetInfo } | { id: string }): Promise<ShownDataset> {
	const previous = started;
	if ('db' in next) {
		starts++;
		shownId = next.dataset.id;
		started = tracked(Promise.resolve({ ...next, fallback: null }));
		watch(next.db);
	} else {
		setActiveDatasetId(next.id);
		started = tracked(start(() => {}));
	}
	const shown = await started;
	if (previous) {
		void previous.then((p) => (p.db === shown.db ? undefined : closeWhenFree(p.db))).catch(() => undefined);
	}
	return shown;
}

/** Remembers a dataset just kept in this browser as the one to show next time, if it is still the one shown. */
export function rememberKeptDataset(id: string): void {
	if (shownId === id) setActiveDatasetId(id);
}

/** The id of the dataset the charts show (or will, once started): the one chosen in this browser until then. */
export function shownDatasetId(): string {
	return shownId ?? activeDatasetId();
}
