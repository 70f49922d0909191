/**
 * `npm run serve:db -- PATH [options]`: the dashboard with native DuckDB behind it, for pooled data past what a
 * browser tab holds. PATH is a DuckDB database file, a folder with the four tables (sessions, measurements, clients,
 * therapists) as Parquet or CSV, or a folder of the app's exports (one file per clinic). See docs/scale.md.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '$lib/errorMessage';
import { ServedDataError } from './servedDataError';
import { DEFAULT_PORT, DEFAULT_QUERY_TIMEOUT_MS, startQueryServer } from './startServer';
import { isBuiltApp } from './staticApp.js';

const USAGE = `Usage: npm run serve:db -- PATH [--port ${DEFAULT_PORT}, or PORT] [--host 127.0.0.1] [--token TOKEN] [--query-timeout 30] [--save FILE.duckdb] [--threads N] [--memory 16GB]
  PATH  a DuckDB database file, a folder with sessions, measurements, clients and therapists tables (.parquet, .csv or .csv.gz),
        or a folder of the app's exports (.parquet or .csv, one file per clinic)`;

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			token: { type: 'string' },
			'query-timeout': { type: 'string' },
			save: { type: 'string' },
			threads: { type: 'string' },
			memory: { type: 'string' },
			help: { type: 'boolean' }
		}
	});
} catch (error) {
	fail(`${errorMessage(error)}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (positionals.length !== 1) fail(USAGE);
const number = (text: string | undefined, what: string, fallback: number) => {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) fail(`--${what} must be a number, not “${text}”.`);
	return value;
};

const appDir = resolve('build');
if (!isBuiltApp(appDir)) {
	console.log('Building the app first (npm run build)…');
	execSync('npm run build', { stdio: 'inherit' });
}

try {
	const server = await startQueryServer({
		data: positionals[0],
		host: values.host,
		port: number(values.port ?? process.env.PORT, 'port', DEFAULT_PORT),
		token: values.token ?? process.env.OUTCOMES_SERVER_TOKEN,
		appDir,
		queryTimeoutMs: number(values['query-timeout'], 'query-timeout', DEFAULT_QUERY_TIMEOUT_MS / 1000) * 1000,
		save: values.save,
		threads: values.threads ? number(values.threads, 'threads', 0) : undefined,
		memoryLimit: values.memory,
		log: (line) => console.log(line)
	});
	const d = server.dataset;
	console.log(
		[
			'',
			`Massage Outcomes dashboard, with ${d.name} on native DuckDB (${d.sessions.toLocaleString('en-CA')} sessions, ${d.clients.toLocaleString('en-CA')} clients; ready in ${(server.loadMs / 1000).toFixed(1)} s)`,
			...d.notes.map((n) => `  Note: ${n}`),
			`  Open:   ${server.url}/data#server-token=${server.token}`,
			`  Token:  ${server.token}  (every request needs it; keep it to the people who may see these data)`,
			`  Listening on ${server.host}${server.host === '127.0.0.1' ? ' (this machine only; --host to change)' : ''}. Read-only; queries stop after ${number(values['query-timeout'], 'query-timeout', DEFAULT_QUERY_TIMEOUT_MS / 1000)} s. Ctrl+C stops it.`
		].join('\n')
	);
	const stop = () => void server.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
} catch (error) {
	fail(error instanceof ServedDataError ? error.message : `The server could not start: ${errorMessage(error)}`);
}
