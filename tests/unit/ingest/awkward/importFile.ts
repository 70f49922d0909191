import type { Connector, Row } from '$lib/db/connector';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport, type ImportCounts } from '$lib/ingest/check/commitImport';
import type { ImportCheck, ImportProblem } from '$lib/ingest/check/importCheck';
import type { ImportOptions } from '$lib/ingest/check/importOptions';
import type { ImportMapping } from '$lib/ingest/importFields';
import { readUpload, type ReadOptions } from '$lib/ingest/readUpload';
import type { StagedFile } from '$lib/ingest/stage/stagedFile';

/** Exact dates, so the stored dates can be compared with the file's. */
export const EXACT: ImportOptions = { pseudonymiseClients: false, dates: 'exact', droppedColumns: [] };

/** A wide file: client, date, technique and condition (as codes), pain before and after. */
export const WIDE: ImportMapping = {
	layout: 'wide',
	fields: {
		client_id: { column: 'Client' },
		session_date: { column: 'Date' },
		primary_technique: { column: 'Technique' },
		primary_condition: { column: 'Condition' },
		pain_nrs_pre: { column: 'Pain before' },
		pain_nrs_post: { column: 'Pain after' }
	},
	values: {},
	dateFormat: 'auto',
	decimalMark: 'auto'
};

/** The wide mapping with some fields, value maps or settings changed. */
export function wide(change: Partial<Omit<ImportMapping, 'fields'>> & { fields?: ImportMapping['fields'] }): ImportMapping {
	return { ...WIDE, ...change, fields: { ...WIDE.fields, ...change.fields } };
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Lines joined with a line ending, ending with one too, as exports do. */
export const lines = (rows: string[], eol = '\n') => rows.join(eol) + eol;

/** What one import did, from the staged file to the canonical rows. */
export interface Imported {
	staged: StagedFile;
	/** The staged rows (raw cells by header, and the row number), before checking. */
	raw: Row[];
	check: ImportCheck;
	counts: ImportCounts;
	/** Canonical sessions, with dates as text. */
	sessions: Row[];
	/** Canonical scores with their session's client and date. */
	measurements: Row[];
	clients: Row[];
}

async function rawRows(db: Connector, staged: StagedFile): Promise<Row[]> {
	const rows = await db.query(`SELECT * FROM import_raw ORDER BY __row`);
	return rows.map((r) => Object.fromEntries([['__row', r.__row], ...staged.headers.map((h, i) => [h, r[staged.columns[i]]])]));
}

/** Reads, checks and commits one file in a fresh database, and returns everything worth asserting. */
export async function importFile(
	name: string,
	bytes: Uint8Array,
	mapping: ImportMapping,
	options: { read?: ReadOptions; import?: ImportOptions; salt?: string } = {}
): Promise<Imported> {
	const db = await openNodeConnector();
	try {
		const staged = await readUpload(db, [{ name, bytes }], options.read);
		const raw = await rawRows(db, staged);
		const result = await checkImport(db, staged, mapping, options.import ?? EXACT, { existingSessions: false, keySalt: options.salt ?? 'salt' });
		if ('mappingProblems' in result) throw new Error(result.mappingProblems.join('\n'));
		const counts = await commitImport(db, mapping, options.import ?? EXACT);
		const sessions = await db.query(
			`SELECT client_id, session_date::VARCHAR AS session_date, session_number, primary_technique, duration_min, day_offset
			 FROM sessions ORDER BY client_id, session_date, session_number`
		);
		const measurements = await db.query(
			`SELECT s.client_id, s.session_date::VARCHAR AS session_date, m.instrument, m.timepoint, m.value
			 FROM measurements m JOIN sessions s USING (session_id) ORDER BY s.client_id, s.session_date, m.instrument, m.timepoint DESC`
		);
		const clients = await db.query(`SELECT client_id, primary_condition FROM clients ORDER BY client_id`);
		return { staged, raw, check: result, counts, sessions, measurements, clients };
	} finally {
		await db.close();
	}
}

/** Reads one file only (for files that cannot be read), closing the database after. */
export async function readOnly(name: string, bytes: Uint8Array, read?: ReadOptions): Promise<StagedFile> {
	const db = await openNodeConnector();
	try {
		return await readUpload(db, [{ name, bytes }], read);
	} finally {
		await db.close();
	}
}

/** Problems as [row, column, reason] for exact comparison. */
export const problemRows = (check: ImportCheck) => check.problems.map((p: ImportProblem) => [p.row, p.column, p.reason]);

/** The three counts that must add up. */
export const rowCounts = (check: ImportCheck) => ({ read: check.rowsRead, accepted: check.rowsAccepted, rejected: check.rowsRejected });
