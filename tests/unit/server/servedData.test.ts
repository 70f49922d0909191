import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_SETTINGS } from '$lib/db/settings';
import { openNativeConnector } from '../../../src/server/nativeConnector';
import { loadServedData } from '../../../src/server/servedData';

/** Runs statements on a new DuckDB database file, as another program would write it. */
async function writeDatabase(file: string, sql: string): Promise<void> {
	const instance = await DuckDBInstance.create(file);
	const connection = await instance.connect();
	await connection.run(sql);
	connection.closeSync();
	instance.closeSync();
}

async function load(path: string) {
	const db = await openNativeConnector();
	try {
		await db.exec(OPEN_SETTINGS);
		const dataset = await loadServedData(db, path);
		const [facts] = await db.query<{ n: number; months: number }>('SELECT count(*) AS n, count(month) AS months FROM session_facts');
		return { dataset, facts };
	} finally {
		await db.close();
	}
}

/** What the server reads, from files nobody on the team wrote, and what it says when it cannot. */
describe('what a query server serves', () => {
	let folder: string;
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'served-data-'));
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it("reads another program's database: only the required columns, other types, cast to the schema's", async () => {
		const file = join(folder, 'network.duckdb');
		await writeDatabase(
			file,
			`CREATE TABLE clients AS SELECT * FROM (VALUES ('K1', 'F', 'chronic_low_back_pain'), ('K2', 'M', 'neck_pain')) t(client_id, sex, primary_condition);
			 CREATE TABLE therapists AS SELECT 'T1' AS therapist_id;
			 CREATE TABLE sessions AS SELECT * FROM (VALUES ('S1', 'K1', '2026-01-05', '1', 'swedish'), ('S2', 'K1', '2026-01-12', '2', 'swedish'), ('S3', 'K2', '2026-02-02', '1', 'deep_tissue'))
				t(session_id, client_id, session_date, session_number, primary_technique);
			 CREATE TABLE measurements AS SELECT * FROM (VALUES ('S1', 'pain_nrs', 'pre', '7'), ('S1', 'pain_nrs', 'post', '5'), ('S2', 'pain_nrs', 'pre', '5'), ('S3', 'pain_nrs', 'pre', '6'))
				t(session_id, instrument, timepoint, value);`
		);
		const { dataset, facts } = await load(file);
		expect(dataset).toMatchObject({ kind: 'database', files: ['network.duckdb'], sessions: 3, measurements: 4, clients: 2 });
		expect(facts).toEqual({ n: 3, months: 3 });
	});

	it('says which table lacks which required column', async () => {
		const file = join(folder, 'broken.duckdb');
		await writeDatabase(
			file,
			`CREATE TABLE clients (client_id VARCHAR, sex VARCHAR, primary_condition VARCHAR); CREATE TABLE therapists (therapist_id VARCHAR);
			 CREATE TABLE sessions (session_id VARCHAR, client_id VARCHAR, session_number INTEGER); CREATE TABLE measurements (session_id VARCHAR, instrument VARCHAR, timepoint VARCHAR, value DOUBLE);`
		);
		await expect(load(file)).rejects.toThrow('broken.duckdb: its sessions table has no primary_technique column.');
		const partial = join(folder, 'partial.duckdb');
		await writeDatabase(partial, 'CREATE TABLE sessions (session_id VARCHAR)');
		await expect(load(partial)).rejects.toThrow('partial.duckdb has no clients, therapists, measurements table');
	});

	it('says what to give when the path holds nothing it reads', async () => {
		await expect(load(join(folder, 'missing'))).rejects.toThrow('does not exist: give a DuckDB database file, or a folder of Parquet or CSV files.');
		const empty = join(folder, 'empty');
		mkdirSync(empty);
		writeFileSync(join(empty, 'notes.md'), 'not data');
		await expect(load(empty)).rejects.toThrow('holds no data file');
	});

	it('refuses an export with a column that identifies a person, naming it', async () => {
		const exports = join(folder, 'exports');
		mkdirSync(exports);
		writeFileSync(
			join(exports, 'clinic.csv'),
			'session_id,client_id,email,session_date,session_number,primary_technique,primary_condition,sex,pain_nrs_pre\n' +
				'S1,K1,ann@example.com,2026-01-05,1,swedish,neck_pain,F,6\nS2,K2,bo@example.org,2026-01-06,1,swedish,neck_pain,M,5\n'
		);
		await expect(load(exports)).rejects.toThrow(/clinic\.csv: “email” .* would identify a person\. Remove the column/);
	});
});
