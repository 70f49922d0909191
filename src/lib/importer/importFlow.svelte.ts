import { holdOpen, rememberKeptDataset, showDataset } from '$lib/db/browserDatabase';
import { openBrowserConnector } from '$lib/db/browserConnector';
import { buildClientCourses } from '$lib/db/clientCourses';
import { createCanonicalTables, exportCanonicalArrow, loadCanonicalFiles } from '$lib/db/canonicalTables';
import type { Connector } from '$lib/db/connector';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import { EngineStopped } from '$lib/db/engineStopped';
import { DATASET_SETTINGS, importWorkingSettings, LOCK_SETTINGS } from '$lib/db/settings';
import { inDatasetCatalog } from '$lib/db/inDatasetCatalog';
import { COMPRESSED_WORKING, compressWorkingTables } from '$lib/db/compressWorkingTables';
import { allProblems, checkImport } from '$lib/ingest/check/checkImport';
import { commitImport, type ImportCounts } from '$lib/ingest/check/commitImport';
import type { ImportCheck, ImportProblem } from '$lib/ingest/check/importCheck';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from '$lib/ingest/check/importOptions';
import type { IdentifierFinding } from '$lib/ingest/identifierColumns';
import type { FieldSource, ImportMapping, MappingPreset } from '$lib/ingest/importFields';
import { readUpload, type ReadOptions, type UploadedFile } from '$lib/ingest/readUpload';
import { profileColumns, type FileProfile } from '$lib/ingest/stage/profileColumns';
import type { StagedFile } from '$lib/ingest/stage/stagedFile';
import { SHIPPED_PRESETS } from '$lib/ingest/presets';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { datasetStore } from '$lib/storage/datasetStore';
import { keepDataset } from '$lib/storage/keepDataset';
import { pendingSaves } from '$lib/storage/pendingSaves.svelte';
import { afterDashboardDrawn } from '$lib/db/afterDashboardDrawn';
import { compactTables } from '$lib/db/compactTables';
import { copyKeptTables, DERIVED_TABLES_VERSION, KEPT_TABLES } from '$lib/db/loadKeptDataset';
import { abandonKeptFile, openKeptFile, writeKeptFile, type KeptFileTarget } from '$lib/storage/keptFile';
import { readFileBytes } from './readFileBytes';
import { errorMessage } from '$lib/errorMessage';
import { checkDatasetMemory, checkFileSize, LARGE_DATASET_SESSIONS } from './memoryBudget';
import { fittedPreset, identifyingColumns, profileValues, suggestedMapping, suggestedValues } from './suggestedMapping';

export type ImportStep = 'choose' | 'reading' | 'map' | 'checking' | 'review' | 'importing' | 'done';

/** Where the accepted rows go. */
export type ImportTarget = { kind: 'new'; name: string } | { kind: 'append'; id: string } | { kind: 'replace'; id: string };

export interface ImportProgress {
	label: string;
	/** Bytes or rows done and their total, for a determinate bar; absent while DuckDB works on its own. */
	done?: number;
	total?: number;
}

export interface ImportDone {
	dataset: DatasetInfo;
	counts: ImportCounts;
	check: ImportCheck;
}

/** Marks in the page's performance timeline for each import step, read by the import measurement. */
export const IMPORT_MARKS = {
	warm: 'outcomes:import-database-warm',
	bytesRead: 'outcomes:import-bytes-read',
	databaseReady: 'outcomes:import-database-ready',
	staged: 'outcomes:import-staged',
	profiled: 'outcomes:import-profiled',
	checked: 'outcomes:import-checked',
	committed: 'outcomes:import-committed',
	exported: 'outcomes:import-exported',
	chartsReady: 'outcomes:import-charts-ready',
	kept: 'outcomes:import-kept'
} as const;


class Cancelled extends Error {}

/**
 * One import, step by step: read the files into a private database (never the one the charts use), refuse
 * identifying columns, suggest and edit a mapping, check every row, then import the accepted rows as a new
 * dataset or into a kept one. Cancel at any point: the private database is thrown away and nothing shown or kept
 * changes.
 */
export class ImportFlow {
	step = $state<ImportStep>('choose');
	progress = $state<ImportProgress | null>(null);
	error = $state<string | null>(null);
	files = $state<{ name: string; size: number }[]>([]);
	readOptions = $state<ReadOptions>({ encoding: 'auto', delimiter: 'auto' });
	staged = $state<StagedFile | null>(null);
	profile = $state<FileProfile | null>(null);
	identifiers = $state<IdentifierFinding[]>([]);
	mapping = $state<ImportMapping | null>(null);
	presetName = $state<string | null>(null);
	options = $state<ImportOptions>({ ...DEFAULT_IMPORT_OPTIONS });
	target = $state<ImportTarget>({ kind: 'new', name: '' });
	mappingProblems = $state<string[]>([]);
	check = $state<ImportCheck | null>(null);
	done = $state<ImportDone | null>(null);
	/** Keeping the imported dataset in this browser's storage, after it is shown. */
	saving = $state<'saving' | 'saved' | 'failed' | null>(null);
	saveFailure = $state<string | null>(null);

	#uploads: UploadedFile[] = [];
	#db: Connector | null = null;
	#run = 0;
	/** The salt the check used for made-up session keys; a new dataset keeps it. */
	#keySalt: string | undefined;
	/** The import database's working settings for the file read (importWorkingSettings). */
	#working = DATASET_SETTINGS;
	#warming: Promise<Connector> | undefined;

	/** Identifier columns not yet dropped: the mapping waits until there are none. */
	get blockingIdentifiers(): IdentifierFinding[] {
		return this.identifiers.filter((f) => !this.options.droppedColumns.includes(f.column));
	}

	/** Headers that can be mapped: not dropped. */
	get usableHeaders(): string[] {
		return (this.staged?.headers ?? []).filter((h) => !this.options.droppedColumns.includes(h));
	}

	#guard(run: number): void {
		if (run !== this.#run) throw new Cancelled();
	}

	async #closeDb(): Promise<void> {
		const db = this.#db;
		this.#db = null;
		await db?.close().catch(() => undefined);
	}

	/** Starts over with the chosen files. */
	async choose(chosen: File[]): Promise<void> {
		const run = ++this.#run;
		await this.#closeDb();
		this.warm();
		this.#reset();
		this.readOptions = { ...this.readOptions, sheet: undefined };
		this.files = chosen.map((f) => ({ name: f.name, size: f.size }));
		this.step = 'reading';
		try {
			checkFileSize(chosen);
			const total = chosen.reduce((sum, f) => sum + f.size, 0);
			let before = 0;
			const uploads: UploadedFile[] = [];
			for (const file of chosen) {
				const bytes = await readFileBytes(file, (done, lines) => {
					if (run !== this.#run) return;
					const rows = Math.max(0, lines - 1).toLocaleString('en-CA');
					this.progress = { label: `Reading ${file.name}: about ${rows} rows`, done: before + done, total };
				});
				this.#guard(run);
				before += file.size;
				uploads.push({ name: file.name, bytes });
			}
			this.#uploads = uploads;
			performance.mark(IMPORT_MARKS.bytesRead);
			await this.#stage(run);
		} catch (error) {
			this.#fail(run, error);
		}
	}

	/** Reads the same files again with another encoding, delimiter or sheet. */
	async reread(): Promise<void> {
		const run = ++this.#run;
		this.step = 'reading';
		this.error = null;
		try {
			await this.#stage(run);
		} catch (error) {
			this.#fail(run, error);
		}
	}

	/** Starts a private import database ahead of time, so choosing a file does not wait for the engine to start. */
	warm(): void {
		this.#warming ??= openBrowserConnector();
		this.#warming.then(
			() => performance.mark(IMPORT_MARKS.warm),
			() => (this.#warming = undefined)
		);
	}

	async #importDatabase(run: number): Promise<Connector> {
		if (this.#db) return this.#db;
		this.progress = { label: 'Starting the import database' };
		const opening = this.#warming ?? openBrowserConnector();
		this.#warming = undefined;
		const db = await opening;
		if (run !== this.#run) {
			await db.close();
			throw new Cancelled();
		}
		this.#db = db;
		return db;
	}

	async #stage(run: number): Promise<void> {
		const db = await this.#importDatabase(run);
		this.progress = { label: `Reading rows of ${this.#uploads.map((u) => u.name).join(' and ')}` };
		performance.mark(IMPORT_MARKS.databaseReady);
		// Where the file's rows are read and checked: a larger file's in compressed tables (settings.ts).
		this.#working = importWorkingSettings(this.#uploads.reduce((sum, u) => sum + u.bytes.length, 0));
		await db.exec(this.#working);
		const staged = await readUpload(db, this.#uploads, $state.snapshot(this.readOptions));
		this.#guard(run);
		performance.mark(IMPORT_MARKS.staged);
		this.progress = { label: `Looking at ${staged.rowsRead.toLocaleString('en-CA')} rows`, done: staged.rowsRead, total: staged.rowsRead };
		const profile = await profileColumns(db, staged);
		this.#guard(run);
		performance.mark(IMPORT_MARKS.profiled);
		const previous = this.staged;
		const sameColumns = previous !== null && previous.headers.join('\u0000') === staged.headers.join('\u0000');
		this.staged = staged;
		this.profile = profile;
		this.identifiers = this.#findIdentifiers(staged, profile);
		// Read again with another encoding, delimiter or sheet: the same columns keep their mapping and choices.
		if (sameColumns && this.mapping) {
			this.mapping = { ...this.mapping, values: this.#suggestValues(this.mapping, this.mapping.values) };
		} else {
			this.options = { ...DEFAULT_IMPORT_OPTIONS, droppedColumns: [] };
			const shipped = staged.preset ? SHIPPED_PRESETS.find((p) => p.name === staged.preset) : undefined;
			this.mapping = shipped ? this.#fitPreset(shipped.mapping) : this.#suggest();
			this.presetName = shipped?.name ?? null;
			this.target = { kind: 'new', name: this.files.map((f) => f.name).join(' + ') };
		}
		this.progress = null;
		this.step = 'map';
	}

	#findIdentifiers(staged: StagedFile, profile: FileProfile): IdentifierFinding[] {
		return identifyingColumns(staged, profile);
	}

	#suggest(): ImportMapping {
		return suggestedMapping(this.staged!, this.identifiers, (header) => this.fileValues(header));
	}

	#suggestValues(mapping: ImportMapping, existing: ImportMapping['values']): ImportMapping['values'] {
		return suggestedValues(mapping, existing, (header) => this.fileValues(header));
	}

	/** A preset's mapping, without columns this file does not have. */
	#fitPreset(given: ImportMapping): ImportMapping {
		// The mapping may come from this flow's own state (a changed layout or date format): copy it plainly.
		return fittedPreset($state.snapshot(given) as ImportMapping, this.staged!.headers, (header) => this.fileValues(header));
	}

	/** The distinct values of a column, as written (trimmed), most common first. */
	fileValues(header: string): string[] {
		return profileValues(this.profile)(header);
	}

	dropIdentifierColumns(): void {
		const dropped = new Set([...this.options.droppedColumns, ...this.identifiers.map((f) => f.column)]);
		this.options = { ...this.options, droppedColumns: [...dropped] };
		if (this.mapping) {
			const fields = Object.fromEntries(Object.entries(this.mapping.fields).filter(([, s]) => !('column' in s) || !dropped.has(s.column)));
			this.mapping = { ...this.mapping, fields };
		}
		this.#invalidate();
	}

	/** Maps a field to a column or a fixed value, or unmaps it. A column already used by another field moves here. */
	setField(key: string, source: FieldSource | null): void {
		if (!this.mapping) return;
		const fields = { ...this.mapping.fields };
		if (source && 'column' in source) {
			for (const [other, s] of Object.entries(fields)) if ('column' in s && s.column === source.column) delete fields[other];
		}
		if (source) fields[key] = source;
		else delete fields[key];
		const mapping = { ...this.mapping, fields };
		this.mapping = { ...mapping, values: this.#suggestValues(mapping, mapping.values) };
		this.presetName = null;
		this.#invalidate();
	}

	/** Maps one of the file's values to a code, or forgets it. */
	setValue(key: string, fileValue: string, code: string | null): void {
		if (!this.mapping) return;
		const current = { ...(this.mapping.values[key] ?? {}) };
		if (code) current[fileValue] = code;
		else delete current[fileValue];
		this.mapping = { ...this.mapping, values: { ...this.mapping.values, [key]: current } };
		this.#invalidate();
	}

	setMapping(mapping: ImportMapping, presetName: string | null = null): void {
		this.mapping = this.staged ? this.#fitPreset(mapping) : ($state.snapshot(mapping) as ImportMapping);
		this.presetName = presetName;
		this.#invalidate();
	}

	applyPreset(preset: MappingPreset): void {
		this.setMapping(preset.mapping, preset.name);
	}

	setOptions(options: Partial<ImportOptions>): void {
		this.options = { ...this.options, ...options };
		this.#invalidate();
	}

	setTarget(target: ImportTarget): void {
		this.target = target;
		this.#invalidate();
	}

	/** Any change after a check makes the check stale. */
	#invalidate(): void {
		this.mappingProblems = [];
		if (this.step === 'review') this.step = 'map';
		this.check = null;
	}

	/** Checks every row against the mapping; nothing is imported yet. */
	async runCheck(): Promise<void> {
		const db = this.#db;
		if (!db || !this.staged || !this.mapping || this.blockingIdentifiers.length > 0) return;
		const run = ++this.#run;
		this.step = 'checking';
		this.error = null;
		this.progress = { label: `Checking ${this.staged.rowsRead.toLocaleString('en-CA')} rows` };
		try {
			const existing = await this.#prepareTarget(db);
			this.#guard(run);
			this.#keySalt = existing.keySalt;
			const result = await checkImport(db, this.staged, $state.snapshot(this.mapping), $state.snapshot(this.options) as ImportOptions, existing);
			this.#guard(run);
			this.progress = null;
			if ('mappingProblems' in result) {
				this.mappingProblems = result.mappingProblems;
				this.step = 'map';
				return;
			}
			const existingSize = this.target.kind === 'append' ? ((await datasetStore.info(this.target.id)) ?? null) : null;
			checkDatasetMemory(result.source, result, existingSize);
			this.check = result;
			this.step = 'review';
			performance.mark(IMPORT_MARKS.checked);
		} catch (error) {
			this.#fail(run, error);
		}
	}

	/** Puts the appended-to dataset's rows in the import database, so duplicates across imports are found. */
	async #prepareTarget(db: Connector): Promise<{ existingSessions: boolean; keySalt: string }> {
		if (this.target.kind !== 'new') await pendingSaves.settled(this.target.id);
		await db.exec(`DROP TABLE IF EXISTS sessions; DROP TABLE IF EXISTS measurements; DROP TABLE IF EXISTS clients; DROP TABLE IF EXISTS therapists`);
		if (this.target.kind !== 'append') {
			const kept = this.target.kind === 'replace' ? await datasetStore.info(this.target.id) : undefined;
			await createCanonicalTables(db);
			return { existingSessions: false, keySalt: kept?.keySalt ?? crypto.randomUUID() };
		}
		const info = await datasetStore.info(this.target.id);
		const files = info && !info.file ? await datasetStore.files(this.target.id) : undefined;
		if (!info || (!info.file && !files)) throw new Error('The dataset to add to is no longer in this browser. Choose another.');
		// Beside a large dataset's rows, the file's are checked in compressed tables, whatever the file's size.
		if (this.#working !== COMPRESSED_WORKING && info.sessions > LARGE_DATASET_SESSIONS) this.#working = await compressWorkingTables(db);
		await inDatasetCatalog(db, this.#working, () => (info.file ? copyKeptTables(db, info) : loadCanonicalFiles(db, files!)));
		return { existingSessions: true, keySalt: info.keySalt };
	}

	/** The full problem list as rows for the CSV report. */
	async problems(): Promise<ImportProblem[]> {
		return this.#db ? allProblems(this.#db) : [];
	}

	/**
	 * Imports the accepted rows and shows them; then keeps the dataset in this browser's storage (compressing and
	 * storing take a while for a large file, so the dashboard does not wait for them; `saving` says when it is kept).
	 */
	async commit(): Promise<void> {
		const db = this.#db;
		const check = this.check;
		if (!db || !check || !this.mapping) return;
		const run = ++this.#run;
		this.step = 'importing';
		this.progress = { label: `Importing ${check.rowsAccepted.toLocaleString('en-CA')} rows` };
		let committed = false;
		try {
			// The dataset added to or replaced must still be there before anything changes.
			const kept = this.target.kind === 'new' ? undefined : await datasetStore.info(this.target.id);
			if (this.target.kind !== 'new' && !kept) {
				throw new Error('The dataset to add to or replace is no longer in this browser. Choose another, or import as a new dataset.');
			}
			const counts = await commitImport(db, $state.snapshot(this.mapping), $state.snapshot(this.options) as ImportOptions);
			committed = true;
			this.#guard(run);
			performance.mark(IMPORT_MARKS.committed);
			const dataset = await this.#datasetInfo(db, check, kept);
			this.#guard(run);
			this.progress = { label: 'Preparing the charts' };
			// The working tables are gone: from here on, the database is the dataset's.
			await db.exec(DATASET_SETTINGS);
			await loadReferenceTables(db);
			await buildSessionFacts(db);
			await buildClientCourses(db);
			// The file the dataset will be kept in, attached while the database still may.
			const file = await openKeptFile(db, dataset.id);
			await db.exec(LOCK_SETTINGS);
			performance.mark(IMPORT_MARKS.chartsReady);
			this.#guard(run);
			this.#db = null;
			this.saving = 'saving';
			this.saveFailure = null;
			// The overview's first view, remembered for this dataset's old rows, no longer holds.
			datasetStore.forgetPreview(dataset.id);
			await showDataset({ db, dataset });
			this.done = { dataset, counts, check };
			this.progress = null;
			this.step = 'done';
			const keeping = this.#keep(db, dataset, file);
			holdOpen(db, keeping);
			pendingSaves.track(dataset, keeping);
		} catch (error) {
			if (committed && run === this.#run && !(error instanceof Cancelled)) {
				// The file's rows are no longer in the import database: start over rather than check them again.
				await this.#closeDb();
				this.#reset();
				this.step = 'choose';
				this.error = `${errorMessage(error)} Nothing was kept; choose the file again.`;
				return;
			}
			this.#fail(run, error);
		}
	}

	/**
	 * Keeps the shown dataset once the dashboard has drawn (or after a few seconds), so its queries are not kept
	 * waiting: in its database file when the browser has one for it (written, then named by the dataset's entry),
	 * else in IndexedDB as gzipped Arrow. Says so when done, or why it could not. Then the tables in memory are
	 * compressed.
	 */
	async #keep(db: Connector, dataset: DatasetInfo, file: KeptFileTarget | null): Promise<void> {
		try {
			await afterDashboardDrawn(performance.now(), 3000);
			if (file) {
				try {
					await writeKeptFile(db, file, KEPT_TABLES);
				} catch (error) {
					await abandonKeptFile(db, file);
					throw error;
				}
				performance.mark(IMPORT_MARKS.exported);
				await navigator.storage?.persist?.().catch(() => false);
				await datasetStore.writeEntry({ ...dataset, file: file.name, derivedVersion: DERIVED_TABLES_VERSION });
			} else {
				const arrow = await exportCanonicalArrow(db);
				performance.mark(IMPORT_MARKS.exported);
				// Compressing the tables in memory goes on in the engine while another worker stores the files.
				void compactTables(db).catch(() => undefined);
				await keepDataset({ ...dataset, file: undefined, derivedVersion: undefined }, arrow);
			}
			rememberKeptDataset(dataset.id);
			this.saving = 'saved';
			performance.mark(IMPORT_MARKS.kept);
		} catch (error) {
			this.saving = 'failed';
			this.saveFailure = `The dataset is shown but could not be kept in this browser (${errorMessage(error)}); it will be gone after a reload.`;
		}
		await compactTables(db).catch(() => undefined);
	}

	/** The dataset's list entry after this import: a new one, or the kept one (`kept`) with its new totals. */
	async #datasetInfo(db: Connector, check: ImportCheck, kept: DatasetInfo | undefined): Promise<DatasetInfo> {
		const now = new Date().toISOString();
		const [totals] = await db.query<{ sessions: number; measurements: number; clients: number }>(
			`SELECT (SELECT count(*) FROM sessions)::INTEGER AS sessions, (SELECT count(*) FROM measurements)::INTEGER AS measurements,
				(SELECT count(*) FROM clients)::INTEGER AS clients`
		);
		const target = this.target;
		if (target.kind === 'new' || !kept) {
			const name = target.kind === 'new' ? target.name.trim() : '';
			return { id: crypto.randomUUID(), name: name || check.source, sources: [check.source], importedAt: now, updatedAt: now, keySalt: this.#keySalt ?? crypto.randomUUID(), ...totals };
		}
		const sources = target.kind === 'append' ? [...kept.sources, check.source] : [check.source];
		return { ...kept, sources, updatedAt: now, ...totals };
	}

	/** Stops whatever is running and forgets the files; the shown and kept data are untouched. */
	async cancel(): Promise<void> {
		this.#run++;
		await this.#closeDb();
		this.#reset();
		this.step = 'choose';
	}

	/** Leaving the page: stops everything and closes both private databases. */
	async dispose(): Promise<void> {
		await this.cancel();
		const warming = this.#warming;
		this.#warming = undefined;
		await warming?.then((db) => db.close()).catch(() => undefined);
	}

	#reset(): void {
		this.saveFailure = null;
		this.progress = null;
		this.error = null;
		this.files = [];
		this.staged = null;
		this.profile = null;
		this.identifiers = [];
		this.mapping = null;
		this.presetName = null;
		this.options = { ...DEFAULT_IMPORT_OPTIONS, droppedColumns: [] };
		this.mappingProblems = [];
		this.check = null;
		this.done = null;
	}

	#fail(run: number, error: unknown): void {
		if (error instanceof Cancelled || run !== this.#run) return;
		if (error instanceof EngineStopped) {
			// The import's own engine is gone, with the file's rows: start over on a new one.
			void this.#closeDb();
			this.#reset();
			this.step = 'choose';
			this.error = `The import's database engine stopped (${errorMessage(error.cause)}). Choose the file again to start over.`;
			return;
		}
		this.progress = null;
		this.error = errorMessage(error);
		this.step = this.staged ? 'map' : 'choose';
	}
}

