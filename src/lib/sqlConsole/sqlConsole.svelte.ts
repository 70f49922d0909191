import { shownDataset, type StartPhase } from '$lib/db/browserDatabase';
import type { Connector } from '$lib/db';
import { downloadFile } from '$lib/download/downloadFile';
import { errorMessage } from '$lib/errorMessage';
import { privacy } from '$lib/state/privacySettings.svelte';
import type { DatasetInfo } from '$lib/storage/datasetInfo';
import { duckdbMessage, explainError } from './errorExplanation';
import { assertLocked, pageCount, runGuarded, type PagedResult, type ResultRow } from './pagedQuery';
import { readHistory, withQuery, writeHistory, type HistoryEntry, type HistoryStorage } from './queryHistory';
import { resultCsv } from './resultCsv';
import { querySchema, type SchemaTable } from './schema';
import { findSmallCounts, type SmallCount } from './smallCounts';
import { guardStatement } from './statementGuard';

/** What the last Run gave. */
export type ConsoleOutcome =
	/** The guard refused the statement; nothing ran. */
	| { kind: 'refused'; statement: string; message: string }
	/** DuckDB refused or failed: its own text, and plain words where the console recognises it. */
	| { kind: 'failed'; message: string; explanations: string[] }
	| {
			kind: 'result';
			result: PagedResult;
			/** Milliseconds from Run to the first page. */
			elapsed: number;
			/** Count-like columns with values below k, and the k they were checked against. */
			smallCounts: SmallCount[];
			k: number;
	  };

export const FIRST_QUERY = 'SELECT primary_technique, count(*) AS sessions\nFROM sessions\nGROUP BY 1\nORDER BY 1';

/**
 * The SQL console's state: the shown dataset's database, the editor's text, the last outcome and the page shown,
 * and the query history kept in this browser. One query runs at a time; a slower page never replaces a newer one.
 */
export class SqlConsole {
	phase = $state<StartPhase | 'error'>('starting');
	startFailure = $state<string | null>(null);
	dataset = $state<DatasetInfo | null>(null);
	/** Why the dataset chosen last time could not be shown, when the demo data stand in for it. */
	fallback = $state<string | null>(null);
	tables = $state.raw<SchemaTable[]>([]);
	sql = $state(FIRST_QUERY);
	/** The query last run (refused or not), which the page's URL keeps; '' before any. */
	ran = $state('');
	running = $state(false);
	outcome = $state.raw<ConsoleOutcome | null>(null);
	pageIndex = $state(0);
	rows = $state.raw<ResultRow[]>([]);
	/** Reading a page or the export failed (the result itself stands). */
	readFailure = $state<string | null>(null);
	exporting = $state(false);
	history = $state.raw<HistoryEntry[]>([]);
	#db = $state.raw<Connector | null>(null);
	#latestPage = 0;
	#disposed = false;
	readonly #storage: HistoryStorage | null;

	/** @param storage where the history is kept; none keeps it only while the page is open */
	constructor(storage: HistoryStorage | null) {
		this.#storage = storage;
		this.history = storage ? readHistory(storage) : [];
	}

	get ready(): boolean {
		return this.#db !== null;
	}

	get result(): PagedResult | null {
		return this.outcome?.kind === 'result' ? this.outcome.result : null;
	}

	get pages(): number {
		return this.result ? pageCount(this.result) : 0;
	}

	async start(): Promise<void> {
		try {
			const shown = await shownDataset((phase) => (this.phase = phase));
			await assertLocked(shown.db);
			this.tables = await querySchema(shown.db);
			this.dataset = shown.dataset;
			this.fallback = shown.fallback;
			this.#db = shown.db;
		} catch (error) {
			this.phase = 'error';
			this.startFailure = errorMessage(error);
		}
	}

	/** Runs the editor's text (or `sql`, which then replaces it), if the guard lets it. */
	async run(sql: string = this.sql): Promise<void> {
		const db = this.#db;
		if (!db || this.running) return;
		this.sql = sql;
		this.ran = sql;
		const guarded = guardStatement(sql);
		if (!guarded.ok) {
			this.#show({ kind: 'refused', statement: guarded.statement, message: guarded.message });
			return;
		}
		this.history = withQuery(this.history, sql, new Date());
		if (this.#storage) writeHistory(this.#storage, this.history);
		this.running = true;
		const began = performance.now();
		try {
			const result = await runGuarded(db, guarded);
			const [rows, smallCounts] = await Promise.all([result.page(0), findSmallCounts(db, result, privacy.k).catch(() => [])]);
			this.#show({ kind: 'result', result, elapsed: performance.now() - began, smallCounts, k: privacy.k }, rows);
		} catch (error) {
			const message = duckdbMessage(error);
			this.#show({ kind: 'failed', message, explanations: explainError(message) });
		} finally {
			this.running = false;
		}
	}

	#show(outcome: ConsoleOutcome, rows: ResultRow[] = []): void {
		const previous = this.result;
		this.outcome = outcome;
		this.rows = rows;
		this.pageIndex = 0;
		this.readFailure = null;
		this.#latestPage++;
		if (previous && previous !== this.result) void previous.release().catch(() => undefined);
		if (this.#disposed) void this.result?.release().catch(() => undefined);
	}

	/** Shows page `index` (from 0) of the result. */
	async showPage(index: number): Promise<void> {
		const result = this.result;
		if (!result) return;
		const target = Math.max(0, Math.min(index, pageCount(result) - 1));
		const request = ++this.#latestPage;
		try {
			const rows = await result.page(target);
			if (request !== this.#latestPage) return;
			this.rows = rows;
			this.pageIndex = target;
			this.readFailure = null;
		} catch (error) {
			if (request === this.#latestPage) this.readFailure = `This page could not be read: ${duckdbMessage(error)}`;
		}
	}

	/** Downloads every row of the result as CSV. */
	async exportCsv(options: { bom: boolean }): Promise<void> {
		const result = this.result;
		if (!result || this.exporting) return;
		this.exporting = true;
		try {
			const rows = await result.allRows();
			downloadFile('query-result.csv', resultCsv(result.columns, rows, options), 'text/csv;charset=utf-8');
		} catch (error) {
			this.readFailure = `The result could not be exported: ${duckdbMessage(error)}`;
		} finally {
			this.exporting = false;
		}
	}

	clearHistory(): void {
		this.history = [];
		if (this.#storage) writeHistory(this.#storage, []);
	}

	/** Frees the kept result when the page closes. */
	dispose(): void {
		this.#disposed = true;
		void this.result?.release().catch(() => undefined);
	}
}
