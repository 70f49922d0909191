import { tableFromIPC } from 'apache-arrow';
import { arrowRows } from './arrowRows';
import { QueryError, type Connector, type Row, type SqlParam } from './connector';
import { ARROW_STREAM_TYPE, authorization, DATASET_PATH, QUERY_PATH, type ServerDataset } from './serverProtocol';

/** Where a query server is and the token it printed when it started. */
export interface ServerAddress {
	/** The server's address, e.g. `http://127.0.0.1:8787`. */
	url: string;
	token: string;
}

/** A server that cannot be reached or refuses the page, with what to do. */
export class ServerError extends Error {
	readonly status: number;
	constructor(message: string, status = 0) {
		super(message);
		this.name = 'ServerError';
		this.status = status;
	}
}

/** The server's own words for a refused request, or the status. */
async function refusal(response: Response): Promise<string> {
	const text = await response.text().catch(() => '');
	try {
		const body = JSON.parse(text) as { error?: unknown };
		if (typeof body.error === 'string') return body.error;
	} catch {
		// Not the server's JSON: another program answered.
	}
	return `the server answered HTTP ${response.status}${text && text.length < 200 ? `: ${text}` : ''}`;
}

/**
 * The app's Connector over a query server (src/server): native DuckDB on the machine where pooled data live,
 * queried with the same SQL, results as Arrow IPC. The server's data are read-only and locked, and its derived
 * tables (session facts, client courses, the overview's rollups) are built before it answers, so the page runs
 * queries only: statements that write, and files, are refused here with the reason.
 */
export function openRemoteConnector(server: ServerAddress): Connector & { dataset(): Promise<ServerDataset> } {
	const base = server.url.replace(/\/+$/, '');
	const headers = { authorization: authorization(server.token) };
	let closed = false;

	async function call(path: string, init: RequestInit, sql: string | null): Promise<Response> {
		if (closed) throw new Error('the connection to the server is closed');
		let response: Response;
		try {
			response = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...init.headers }, cache: 'no-store', credentials: 'omit' });
		} catch (cause) {
			throw new ServerError(`the server at ${base} cannot be reached (${cause instanceof Error ? cause.message : String(cause)}): is it still running?`);
		}
		if (!response.ok) {
			const message = await refusal(response);
			if (sql !== null && response.status === 400) throw new QueryError(sql, new Error(message));
			throw new ServerError(message, response.status);
		}
		return response;
	}

	async function arrow(sql: string, params: readonly SqlParam[]): Promise<Uint8Array> {
		const response = await call(QUERY_PATH, { method: 'POST', body: JSON.stringify({ sql, params }), headers: { 'content-type': 'application/json', accept: ARROW_STREAM_TYPE } }, sql);
		return new Uint8Array(await response.arrayBuffer());
	}

	const readOnly = (what: string) => () => Promise.reject(new Error(`${what}: the server's data are read-only, and the page only queries them`));

	return {
		served: { url: base },
		async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
			return arrowRows<T>(tableFromIPC(await arrow(sql, params)));
		},
		async queryArrowIpc(sql: string) {
			return arrow(sql, []);
		},
		exec: (sql: string) => Promise.reject(new QueryError(sql, new Error("the server's data are read-only, and the page only queries them"))),
		registerFile: readOnly('Files cannot be added'),
		createTableFromArrowIpc: readOnly('Tables cannot be created'),
		dropFile: async () => {},
		async dataset() {
			const response = await call(DATASET_PATH, { method: 'GET' }, null);
			return (await response.json()) as ServerDataset;
		},
		async close() {
			closed = true;
		}
	};
}
