import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connector } from '$lib/db';
import { openDemoDatabase } from '../../support/demoDataset';

/**
 * The database the pages and the SQL console use, once the data are loaded: no statement reaches a file, the
 * network, another database or an extension, and none can turn that back on. Checked on the engine itself, so
 * it holds whatever the console's own guard lets through.
 */
describe('the locked database', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
		// A file registered with the engine, as imports register theirs: reachable by name only with file access on.
		await db.registerFile('kept.csv', new TextEncoder().encode('a\n1\n'));
	});
	afterAll(() => db.close());

	const refused: [what: string, sql: string, message: RegExp][] = [
		['read_text of a registered file', "SELECT * FROM read_text('kept.csv')", /disabled by configuration|Permission Error/],
		['read_csv of a registered file', "SELECT * FROM read_csv('kept.csv')", /disabled by configuration|Permission Error/],
		['a file named in FROM', "SELECT * FROM 'kept.csv'", /disabled by configuration|Permission Error/],
		['read_text of a URL', "SELECT * FROM read_text('https://example.org/')", /disabled by configuration|Permission Error/],
		['COPY … TO', "COPY sessions TO 'sessions.csv'", /disabled by configuration|Permission Error/],
		['EXPORT DATABASE', "EXPORT DATABASE 'out'", /disabled by configuration|Permission Error/],
		['ATTACH a file', "ATTACH 'other.duckdb' AS other", /disabled by configuration|Permission Error/],
		['LOAD', 'LOAD httpfs', /disabled|Permission Error|locked/i],
		['turning file access back on', 'SET enable_external_access = true', /locked|Cannot change/i],
		['unlocking the configuration', 'SET lock_configuration = false', /locked|Cannot change/i],
		['RESET of the lock', 'RESET lock_configuration', /locked|Cannot change/i],
		['autoloading extensions', 'SET autoload_known_extensions = true', /locked|Cannot change/i],
		['more memory', "SET memory_limit = '100GiB'", /locked|Cannot change/i]
	];

	test.each(refused)('refuses %s', async (_, sql, message) => {
		await expect(db.query(sql)).rejects.toThrow(message);
	});

	test('INSTALL installs nothing (duckdb-wasm keeps no extension files), and what it names cannot be loaded', async () => {
		await db.query('INSTALL httpfs');
		await db.query("FORCE INSTALL httpfs FROM 'https://example.org'");
		const httpfs = await db.query(`SELECT installed, loaded FROM duckdb_extensions() WHERE extension_name = 'httpfs'`);
		expect(httpfs).toEqual([{ installed: false, loaded: false }]);
		await expect(db.query('LOAD httpfs')).rejects.toThrow(/Loading external extensions is disabled/);
	});

	test('still answers queries, with the settings as the page left them', async () => {
		const [row] = await db.query<{ sessions: number; external: string; locked: string }>(
			`SELECT (SELECT count(*) FROM sessions) AS sessions, current_setting('enable_external_access')::VARCHAR AS external,
				current_setting('lock_configuration')::VARCHAR AS locked`
		);
		expect(row).toEqual({ sessions: 15366, external: 'false', locked: 'true' });
	});
});
