import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowRows } from '$lib/db/arrowRows';
import { MAX_REQUEST_BYTES } from '$lib/db/serverProtocol';
import { startQueryServer, type RunningServer } from '../../../src/server/startServer';

const TOKEN = 'test-token-0123456789abcdefghij';

interface Answer {
	status: number;
	type: string;
	body: Buffer;
}

/** One raw HTTP request, so that every header (Host included) is the test's own. */
function send(server: RunningServer, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(
			{ host: '127.0.0.1', port: server.port, path: options.path ?? '/api/query', method: options.method ?? 'POST', headers: options.headers },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
			}
		);
		req.on('error', reject);
		if (options.body !== undefined) req.write(options.body);
		req.end();
	});
}

const authorized = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const query = (server: RunningServer, sql: string, params: unknown[] = []) => send(server, { headers: authorized, body: JSON.stringify({ sql, params }) });
const rows = (answer: Answer) => arrowRows(tableFromIPC(new Uint8Array(answer.body)));
/** A refusal: JSON with a message, and never a stack trace. */
function refusal(answer: Answer): string {
	expect(answer.type).toContain('application/json');
	const { error } = JSON.parse(answer.body.toString('utf8')) as { error: string };
	expect(error.length).toBeGreaterThan(10);
	expect(error).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
	return error;
}

/**
 * The query server is safe by default, each claim attacked: it listens on this machine only, needs its token, runs
 * only the statements the SQL console runs, cannot reach files or change settings, leaves the data file as it was,
 * and bounds each request's size, each query's time and each result's rows, answering each refusal with its reason.
 */
describe('the query server refuses what it must', () => {
	let server: RunningServer;
	let folder: string;
	let file: string;
	let fileHash: string;
	const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'served-'));
		file = join(folder, 'demo.duckdb');
		// The demo data saved once as a database file, then served from it read-only.
		const saving = await startQueryServer({ data: 'data', port: 0, appDir: null, save: file });
		await saving.close();
		fileHash = hash(file);
		server = await startQueryServer({ data: file, port: 0, appDir: null, token: TOKEN, queryTimeoutMs: 500 });
	}, 120_000);
	afterAll(async () => {
		await server?.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('listens on 127.0.0.1 unless told otherwise, and answers with the data', async () => {
		expect(server.host).toBe('127.0.0.1');
		expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
		expect(server.dataset).toMatchObject({ kind: 'database', sessions: 15366, measurements: 110612, clients: 1900 });
		const answer = await query(server, 'SELECT count(*) AS n FROM sessions WHERE clinic_id = ?', ['north']);
		expect(answer.status).toBe(200);
		expect(answer.type).toBe('application/vnd.apache.arrow.stream');
		expect(rows(answer)[0].n).toBeGreaterThan(0);
	});

	it('needs the token on every request', async () => {
		for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-0123456789abcdefgh' }, { authorization: TOKEN }, { authorization: `Bearer ${TOKEN}x` }]) {
			const answer = await send(server, { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ sql: 'SELECT 1' }) });
			expect(answer.status).toBe(401);
			expect(refusal(answer)).toContain('token');
			const dataset = await send(server, { path: '/api/dataset', method: 'GET', headers });
			expect(dataset.status).toBe(401);
		}
		const made = await startQueryServer({ data: file, port: 0, appDir: null });
		try {
			expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
			expect(made.token).not.toBe(server.token);
		} finally {
			await made.close();
		}
	}, 60_000);

	it('refuses a request whose Host is not this machine (a page elsewhere reaching it through its own name)', async () => {
		const answer = await send(server, { headers: { ...authorized, host: 'attacker.example:80' }, body: JSON.stringify({ sql: 'SELECT 1' }) });
		expect(answer.status).toBe(403);
		refusal(answer);
	});

	it('runs only what the SQL console runs: every write, file, setting and extension statement is refused', async () => {
		const statements = [
			'CREATE TABLE x AS SELECT 1',
			'INSERT INTO sessions SELECT * FROM sessions',
			'DELETE FROM measurements',
			'UPDATE clients SET sex = NULL',
			'DROP TABLE sessions',
			'ALTER TABLE sessions ADD COLUMN x INTEGER',
			"COPY sessions TO '/tmp/leak.csv'",
			"COPY sessions FROM '/etc/passwd'",
			"ATTACH '/tmp/x.duckdb' AS x",
			'DETACH served_file',
			'USE memory',
			"SET enable_external_access = true",
			'SET lock_configuration = false',
			'RESET lock_configuration',
			"PRAGMA enable_profiling",
			'INSTALL httpfs',
			'LOAD httpfs',
			"CALL pragma_version()",
			"EXPORT DATABASE '/tmp/leak'",
			'CHECKPOINT',
			'SELECT 1; DROP TABLE sessions',
			'WITH x AS (SELECT 1) DELETE FROM sessions',
			'SELECT * FROM (DELETE FROM sessions RETURNING *)'
		];
		for (const sql of statements) {
			const answer = await query(server, sql);
			expect(answer.status, sql).toBe(400);
			refusal(answer);
		}
		const [{ n }] = rows(await query(server, 'SELECT count(*) AS n FROM sessions'));
		expect(n).toBe(15366);
	});

	it('cannot reach files or the network from SQL, and its configuration is locked', async () => {
		for (const sql of [
			"SELECT * FROM read_csv('/etc/passwd')",
			"SELECT * FROM read_text('/etc/hostname')",
			`SELECT * FROM read_parquet('${folder}/*.parquet')`,
			"SELECT * FROM glob('/*')",
			"SELECT * FROM read_csv('https://example.com/x.csv')"
		]) {
			const answer = await query(server, sql);
			expect(answer.status, sql).toBe(400);
			expect(refusal(answer), sql).toMatch(/disabled by configuration|Permission|not.*allowed/i);
		}
		const [settings] = rows(
			await query(server, "SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked, current_setting('autoload_known_extensions') AS autoload")
		);
		expect(settings).toEqual({ external: false, locked: true, autoload: false });
	});

	it('opens the data file read-only and leaves it as it was', async () => {
		const [db] = rows(await query(server, "SELECT readonly FROM duckdb_databases() WHERE database_name = 'served_file'"));
		expect(db.readonly).toBe(true);
		await query(server, 'SELECT count(*) FROM measurements');
		expect(hash(file)).toBe(fileHash);
	});

	it("bounds each request's size", async () => {
		const answer = await send(server, { headers: authorized, body: JSON.stringify({ sql: `SELECT '${'x'.repeat(MAX_REQUEST_BYTES)}'` }) });
		expect(answer.status).toBe(413);
		refusal(answer);
	});

	it("stops a query at the time limit, and answers the next one", async () => {
		const answer = await query(server, 'SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(200000) b');
		expect(answer.status).toBe(400);
		expect(refusal(answer)).toContain("longer than the server's limit of 0.5 s");
		const [{ one }] = rows(await query(server, 'SELECT 1 AS one'));
		expect(one).toBe(1);
	}, 30_000);

	it("bounds a result's rows", async () => {
		const answer = await query(server, 'SELECT * FROM range(1200000)');
		expect(answer.status).toBe(400);
		expect(refusal(answer)).toContain('LIMIT');
	}, 30_000);

	it('answers a malformed request with what to send, and no stack', async () => {
		const cases: [Parameters<typeof send>[1], number][] = [
			[{ headers: authorized, body: '{not json' }, 400],
			[{ headers: authorized, body: JSON.stringify({ query: 'SELECT 1' }) }, 400],
			[{ headers: authorized, body: JSON.stringify({ sql: 'SELECT 1', params: [{ a: 1 }] }) }, 400],
			[{ headers: authorized, body: JSON.stringify({ sql: 'SELECT ?', params: [] }) }, 400],
			[{ headers: authorized, body: JSON.stringify({ sql: 'SELECT * FROM no_such_table' }) }, 400],
			[{ headers: { ...authorized, 'content-type': 'text/plain' }, body: 'SELECT 1' }, 415],
			[{ headers: authorized, method: 'GET' }, 405],
			[{ headers: authorized, path: '/api/other', method: 'GET' }, 404]
		];
		for (const [options, status] of cases) {
			const answer = await send(server, options);
			expect(answer.status, JSON.stringify(options)).toBe(status);
			refusal(answer);
		}
	});
});
