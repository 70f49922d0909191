import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ARROW_STREAM_TYPE, authorization, DATASET_PATH, MAX_REQUEST_BYTES, MAX_SENT_ROWS, QUERY_PATH, QueryRequest, type ServerDataset } from '$lib/db/serverProtocol';
import { guardStatement } from '$lib/sqlConsole/statementGuard';
import { errorMessage } from '$lib/errorMessage';
import { resultToArrowIpc } from './arrowResult';
import type { ConnectionPool } from './connectionPool';
import { serveStaticFile } from './staticApp.js';

export interface QueryServerOptions {
	pool: ConnectionPool;
	dataset: ServerDataset;
	token: string;
	/** The built app's folder, served beside the API; null serves the API alone. */
	appDir: string | null;
	/** Each query is stopped after this long. */
	queryTimeoutMs: number;
}

/** A request refused with a status and a message for the person (never a stack). */
class Refusal extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
	res.end(text);
}

/** Whether the request carries the server's token, compared in constant time. */
function hasToken(req: IncomingMessage, token: string): boolean {
	const given = Buffer.from(String(req.headers.authorization ?? ''));
	const expected = Buffer.from(authorization(token));
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request's body, refused past MAX_REQUEST_BYTES without reading the rest. */
function readBody(req: IncomingMessage): Promise<string> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > MAX_REQUEST_BYTES) return Promise.reject(new Refusal(413, `The request is ${declared.toLocaleString('en-CA')} bytes; the server takes at most ${MAX_REQUEST_BYTES.toLocaleString('en-CA')}.`));
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_REQUEST_BYTES) {
				// The rest is not kept; the connection is closed once the refusal is sent.
				req.removeAllListeners('data');
				req.resume();
				reject(new Refusal(413, `The request is over ${MAX_REQUEST_BYTES.toLocaleString('en-CA')} bytes, the most the server takes.`));
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The one statement the request may run, as the SQL console's guard reads it; anything else is refused. */
function guardedSql(text: string): string {
	const guarded = guardStatement(text, { boundParameters: true });
	if (!guarded.ok) throw new Refusal(400, `The server runs queries only, as the SQL console does. ${guarded.message}`);
	return guarded.kind === 'explain' ? `EXPLAIN ${guarded.analyze ? 'ANALYZE ' : ''}${guarded.sql}` : guarded.sql;
}

/** DuckDB's message without the line that points into the SQL, as the page shows errors. */
function duckdbMessage(cause: unknown): string {
	return errorMessage(cause).split('\n')[0];
}

/** Runs a query on a connection of the pool, stopped after the time limit; its result as Arrow IPC. */
async function runQuery(options: QueryServerOptions, request: QueryRequest): Promise<Uint8Array> {
	const sql = guardedSql(request.sql);
	return options.pool.with(async ({ connection, statements }) => {
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			connection.interrupt();
		}, options.queryTimeoutMs);
		try {
			// Prepared once per connection and kept while among the recently used: the page runs the same few queries
			// with other values bound on every filter change.
			const reader = await statements.with(sql, ({ statement }) => {
				statement.clearBindings();
				if (request.params.length > 0) statement.bind(request.params as never[]);
				return statement.runAndReadUntil(MAX_SENT_ROWS + 1);
			});
			if (reader.currentRowCount > MAX_SENT_ROWS) {
				throw new Refusal(400, `The result has more than ${MAX_SENT_ROWS.toLocaleString('en-CA')} rows, the most the server sends: add a LIMIT or aggregate.`);
			}
			return resultToArrowIpc(reader);
		} catch (cause) {
			if (cause instanceof Refusal) throw cause;
			if (timedOut) {
				throw new Refusal(400, `The query ran longer than the server's limit of ${options.queryTimeoutMs / 1000} s and was stopped. Narrow it (a filter, a LIMIT), or start the server with a longer --query-timeout.`);
			}
			throw new Refusal(400, duckdbMessage(cause));
		} finally {
			clearTimeout(timer);
		}
	});
}

async function answerApi(options: QueryServerOptions, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
	if (!hasToken(req, options.token)) {
		throw new Refusal(401, 'This server needs its token: the one it printed when it started. Enter it under “Connect to a server” on Your data.');
	}
	if (path === DATASET_PATH) {
		if (req.method !== 'GET') throw new Refusal(405, `${DATASET_PATH} is read with GET.`);
		sendJson(res, 200, options.dataset);
		return;
	}
	if (path !== QUERY_PATH) throw new Refusal(404, `There is no ${path} here: the server answers ${QUERY_PATH} and ${DATASET_PATH}.`);
	if (req.method !== 'POST') throw new Refusal(405, `${QUERY_PATH} takes a POST with the query as JSON.`);
	if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Refusal(415, 'Send the query as JSON: {"sql": "…", "params": […]}.');
	let body: unknown;
	try {
		body = JSON.parse(await readBody(req));
	} catch (error) {
		if (error instanceof Refusal) throw error;
		throw new Refusal(400, 'The request is not JSON: send {"sql": "…", "params": […]}.');
	}
	const parsed = QueryRequest.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Refusal(400, `The request is not a query: ${issue.path.join('.') || 'body'}: ${issue.message}. Send {"sql": "…", "params": […]}.`);
	}
	const bytes = await runQuery(options, parsed.data);
	res.writeHead(200, { 'content-type': ARROW_STREAM_TYPE, 'content-length': bytes.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
	res.end(bytes);
}

/**
 * The query server's HTTP side: the built app at every path but /api/, and the query API, which needs the token
 * on every request, runs only the statements the SQL console runs, bounds each request's size, each query's time and
 * each result's rows, and answers a refusal with its reason as JSON (no stack). Requests whose Host is not one of
 * `hosts` (when listening on this machine only) are refused, so that a web page elsewhere cannot reach it through a name pointed at this machine.
 */
export function createQueryServer(options: QueryServerOptions, hosts: () => readonly string[] | null): Server {
	return createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		const host = String(req.headers.host ?? '');
		const allowed = hosts();
		if (allowed && !allowed.includes(host)) {
			sendJson(res, 403, { error: `This server answers at ${allowed[0]}, not ${host || 'an unnamed host'}.` });
			return;
		}
		if (path.startsWith('/api/')) {
			answerApi(options, req, res, path).catch((error: unknown) => {
				const status = error instanceof Refusal ? error.status : 500;
				const message = error instanceof Refusal ? error.message : `The server could not answer: ${duckdbMessage(error)}`;
				if (res.headersSent) res.destroy();
				else {
					if (status === 413) res.setHeader('connection', 'close');
					sendJson(res, status, { error: message });
				}
			});
			return;
		}
		if (options.appDir && (req.method === 'GET' || req.method === 'HEAD')) {
			serveStaticFile(options.appDir, req, res);
			return;
		}
		sendJson(res, options.appDir ? 405 : 404, { error: options.appDir ? 'Only GET and HEAD are answered outside /api/.' : 'This server answers /api/ only.' });
	});
}
