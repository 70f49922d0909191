import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DATA_CATALOG, LOCK_SETTINGS, OPEN_SETTINGS } from '$lib/db/settings';
import type { ServerDataset } from '$lib/db/serverProtocol';
import { buildRollupTables } from '$lib/queries/overviewRollups';
import { ConnectionPool } from './connectionPool';
import { machineMemoryLimit, openNativeConnector } from './nativeConnector';
import { createQueryServer } from './queryServer';
import { loadServedData, saveServedData } from './servedData';
import { ServedDataError } from './servedDataError';

export interface ServerOptions {
	/** A DuckDB database file, or a folder of Parquet or CSV files (servedData.ts). */
	data: string;
	/** 127.0.0.1 unless told otherwise. */
	host?: string;
	/** 8787 by default; 0 for any free port. */
	port?: number;
	/** The token requests must carry; made up at random (and printed) unless given. */
	token?: string;
	/** The built app's folder, served beside the API; null for the API alone. */
	appDir?: string | null;
	/** Each query is stopped after this long: 30 s by default. */
	queryTimeoutMs?: number;
	/** Also write the dataset, with its session facts and client courses, to this new DuckDB database file. */
	save?: string;
	/** DuckDB's threads (all cores by default) and memory limit (DuckDB's default, 80% of the machine's, unless given). */
	threads?: number;
	memoryLimit?: string;
	/** Queries run side by side. */
	connections?: number;
	log?: (line: string) => void;
}

export interface RunningServer {
	url: string;
	token: string;
	host: string;
	port: number;
	dataset: ServerDataset;
	/** From the start to answering: the data read and every derived table built. */
	loadMs: number;
	close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** A token given by the person must be as hard to guess as a made-up one is. */
export const MIN_TOKEN_LENGTH = 24;

/**
 * Starts a query server: native DuckDB with the data loaded and every derived table the page would build (session
 * facts, client courses, the overview's rollups), then locked (no file or network access from SQL, no setting can
 * change) before the first request; the data file itself is attached read-only.
 */
export async function startQueryServer(options: ServerOptions): Promise<RunningServer> {
	const started = performance.now();
	const log = options.log ?? (() => {});
	const host = options.host ?? '127.0.0.1';
	const token = options.token ?? randomBytes(24).toString('base64url');
	if (token.length < MIN_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
		throw new ServedDataError(`The token must be at least ${MIN_TOKEN_LENGTH} letters, digits, - or _: leave it out and the server makes one up.`);
	}
	const db = await openNativeConnector({ threads: options.threads });
	try {
		await db.exec(OPEN_SETTINGS);
		await db.exec(options.memoryLimit ? `SET memory_limit = '${options.memoryLimit.replace(/[^0-9A-Za-z.%]/g, '')}'` : machineMemoryLimit());
		const dataset = await loadServedData(db, options.data, log);
		log(`Building the overview's rollups for ${dataset.sessions.toLocaleString('en-CA')} sessions`);
		await buildRollupTables(db);
		if (options.save) {
			log(`Saving the dataset to ${options.save}`);
			await saveServedData(db, options.save);
		}
		// Each connection's session reads the dataset's catalog; opened before the configuration is locked.
		const pool = await ConnectionPool.open(db.instance, options.connections ?? 4, `USE ${DATA_CATALOG}`);
		await db.exec(LOCK_SETTINGS);
		let port = options.port ?? DEFAULT_PORT;
		const hosts = () => (LOOPBACK.has(host) ? [`${host === '::1' ? '[::1]' : host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`] : null);
		const server = createQueryServer(
			{ pool, dataset, token, appDir: options.appDir ?? null, queryTimeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS },
			hosts
		);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => resolve());
		});
		port = (server.address() as AddressInfo).port;
		const shown = host.includes(':') ? `[${host}]` : host;
		return {
			url: `http://${shown}:${port}`,
			token,
			host,
			port,
			dataset,
			loadMs: Math.round(performance.now() - started),
			async close() {
				await new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				await pool.close();
				await db.close();
			}
		};
	} catch (error) {
		await db.close().catch(() => undefined);
		throw error;
	}
}
