import { buildClientCourses } from '$lib/db/clientCourses';
import { createCanonicalTables } from '$lib/db/canonicalTables';
import type { Connector } from '$lib/db/connector';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { LOCK_SETTINGS } from '$lib/db/settings';
import { checkDatasetMemory, checkFileSize } from '$lib/importer/memoryBudget';
import { fittedPreset, identifyingColumns, profileValues, suggestedMapping } from '$lib/importer/suggestedMapping';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import type { ImportProblem } from '$lib/ingest/check/importCheck';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '$lib/ingest/check/importOptions';
import { SHIPPED_PRESETS } from '$lib/ingest/presets';
import { readUpload, type UploadedFile } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import { RAW_TABLE } from '$lib/ingest/stage/stagedFile';
import { isEngineTrap, unclearBecause } from './clearMessage';
import { FRESH_DATABASES, type ImportDatabases } from './importDatabases';

/**
 * How one hostile upload ended:
 * - imported: read, checked and imported, rows refused (if any) each listed with its row, column and reason;
 * - clear-error: refused with a message a person can act on: an ImportFileError naming the file, saying what is
 *   wrong and what to do (see clearMessage.ts), or the mapping step's list of fields to map, or a check that
 *   refuses every row, each refusal with its row number and reason;
 * - unclear-error: anything else thrown (a raw DuckDB or JavaScript error, a message without the file's name or
 *   advice), or counts that do not add up;
 * - hang: over the time bound (decided by the runner, which kills the worker);
 * - crash: the worker died, the engine trapped, or an exception or rejection went unhandled.
 */
export type OutcomeKind = 'imported' | 'clear-error' | 'unclear-error' | 'hang' | 'crash';

/** The step an import reached, as ImportFlow names its steps. */
export type ImportStage = 'size' | 'open' | 'read' | 'profile' | 'map' | 'check' | 'commit';

export interface ImportOutcome {
	kind: OutcomeKind;
	stage: ImportStage;
	/** The message a person would see, or why it is not clear. */
	message?: string;
	counts?: { rowsRead: number; accepted: number; rejected: number; sessions: number; measurements: number; clients: number };
	/** The first problems the check listed. */
	problems?: ImportProblem[];
	/** The first staged row's cells by header, as read (before checking), to compare text with the file's. */
	firstRow?: Record<string, string | null>;
	ms: number;
}

const SHOWN_PROBLEMS = 5;

function problemUnclear(p: ImportProblem): boolean {
	return !(Number.isInteger(p.row) && p.row >= 1 && typeof p.reason === 'string' && p.reason.trim().length > 3 && p.reason.length < 2000);
}

async function firstRow(db: Connector, headers: string[], columns: string[]): Promise<Record<string, string | null>> {
	const [row] = await db.query<Record<string, string | null>>(`SELECT * FROM ${RAW_TABLE} ORDER BY __row LIMIT 1`);
	return Object.fromEntries(headers.map((h, i) => [h, row?.[columns[i]] ?? null]));
}

/** The steps ImportFlow takes for chosen files, as a person who drops identifying columns and accepts the suggested mapping. */
async function importSteps(db: Connector, files: UploadedFile[], at: { stage: ImportStage }): Promise<Omit<ImportOutcome, 'ms'>> {
	at.stage = 'read';
	const staged = await readUpload(db, files, { encoding: 'auto', delimiter: 'auto' });
	at.stage = 'profile';
	const profile = await profileColumns(db, staged);
	const identifiers = identifyingColumns(staged, profile);
	const values = profileValues(profile);
	const shipped = staged.preset ? SHIPPED_PRESETS.find((p) => p.name === staged.preset) : undefined;
	const suggested = shipped ? fittedPreset(structuredClone(shipped.mapping), staged.headers, values) : suggestedMapping(staged, identifiers, values);
	const dropped = new Set(identifiers.map((f) => f.column));
	const mapping = { ...suggested, fields: Object.fromEntries(Object.entries(suggested.fields).filter(([, s]) => !('column' in s) || !dropped.has(s.column))) };
	const options: ImportOptions = { ...DEFAULT_IMPORT_OPTIONS, droppedColumns: [...dropped] };
	const row = await firstRow(db, staged.headers, staged.columns);
	at.stage = 'check';
	await db.exec(`DROP TABLE IF EXISTS sessions; DROP TABLE IF EXISTS measurements; DROP TABLE IF EXISTS clients; DROP TABLE IF EXISTS therapists`);
	await createCanonicalTables(db);
	const result = await checkImport(db, staged, mapping, options, { existingSessions: false, keySalt: 'fuzz' });
	if ('mappingProblems' in result) {
		const fine = result.mappingProblems.length > 0 && result.mappingProblems.every((m) => m.trim().length > 10);
		return { kind: fine ? 'clear-error' : 'unclear-error', stage: 'map', message: result.mappingProblems.join(' | ').slice(0, 600), firstRow: row };
	}
	checkDatasetMemory(result.source, result, null);
	const counts = { rowsRead: result.rowsRead, accepted: result.rowsAccepted, rejected: result.rowsRejected, sessions: result.sessions, measurements: result.measurements, clients: result.clients };
	const problems = result.problems.slice(0, SHOWN_PROBLEMS);
	if (result.rowsAccepted + result.rowsRejected !== result.rowsRead || result.problems.some(problemUnclear) || (result.rowsRejected > 0 && result.problemCount === 0)) {
		return { kind: 'unclear-error', stage: 'check', message: 'counts do not add up, or a problem has no row number or reason', counts, problems, firstRow: row };
	}
	if (result.rowsAccepted === 0) {
		return { kind: 'clear-error', stage: 'check', message: `every row refused: ${problems[0]?.reason ?? ''}`.slice(0, 600), counts, problems, firstRow: row };
	}
	at.stage = 'commit';
	await commitImport(db, mapping, options);
	await loadReferenceTables(db);
	await buildSessionFacts(db);
	await buildClientCourses(db);
	await db.exec(LOCK_SETTINGS);
	return { kind: 'imported', stage: 'commit', counts, problems, firstRow: row };
}

/** Uploads this large leave a database too grown to reuse. */
const LARGE_UPLOAD = 8 * 1024 ** 2;

/** One upload through the import, in a private database of its own, as ImportFlow does; never throws. */
export async function importOutcome(files: UploadedFile[], databases: ImportDatabases = FRESH_DATABASES): Promise<ImportOutcome> {
	const started = performance.now();
	const at: { stage: ImportStage } = { stage: 'size' };
	const ms = () => Math.round(performance.now() - started);
	let db: Connector | null = null;
	let spent = files.reduce((n, f) => n + f.bytes.length, 0) > LARGE_UPLOAD;
	try {
		checkFileSize(files.map((f) => ({ name: f.name, size: f.bytes.length })));
		at.stage = 'open';
		db = await databases.open();
		const outcome = await importSteps(db, files, at);
		spent ||= outcome.kind === 'imported';
		return { ...outcome, ms: ms() };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (isEngineTrap(error)) {
			spent = true;
			return { kind: 'crash', stage: at.stage, message: message.slice(0, 600), ms: ms() };
		}
		const unclear = unclearBecause(error, files.map((f) => f.name));
		return { kind: unclear ? 'unclear-error' : 'clear-error', stage: at.stage, message: (unclear ? `${unclear}: ${message}` : message).slice(0, 600), ms: ms() };
	} finally {
		if (db) await databases.release(db, spent);
	}
}
