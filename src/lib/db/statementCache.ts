/** A prepared statement as both duckdb-wasm builds give it: it can be closed. */
export interface Closable {
	close(): unknown;
}

interface Entry<S> {
	statement: Promise<S>;
	/** Calls using the statement now: it is closed only once none is. */
	users: number;
	evicted: boolean;
}

/**
 * The most recently used prepared statements, by SQL text. Preparing (parsing, binding and planning) the overview's
 * scan costs more in the browser than running it on a clinic's sessions, and the same few statements run on every
 * filter change with other values bound. A statement pushed out of the cache is closed once no call is using it.
 */
export class StatementCache<S extends Closable> {
	readonly #entries = new Map<string, Entry<S>>();
	readonly #capacity: number;
	readonly #prepare: (sql: string) => Promise<S>;

	constructor(prepare: (sql: string) => Promise<S>, capacity = 32) {
		this.#prepare = prepare;
		this.#capacity = capacity;
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Runs `use` with the statement for `sql`, prepared once and kept while it is among the recently used. */
	async with<T>(sql: string, use: (statement: S) => Promise<T> | T): Promise<T> {
		let entry = this.#entries.get(sql);
		if (entry) {
			// Most recent last: a Map keeps insertion order.
			this.#entries.delete(sql);
		} else {
			entry = { statement: this.#prepare(sql), users: 0, evicted: false };
		}
		this.#entries.set(sql, entry);
		this.#evict();
		entry.users++;
		try {
			return await use(await entry.statement);
		} catch (error) {
			// A statement that failed to prepare is not kept: the next call prepares it again.
			if (this.#entries.get(sql) === entry) {
				await entry.statement.then(
					() => undefined,
					() => this.#entries.delete(sql)
				);
			}
			throw error;
		} finally {
			entry.users--;
			if (entry.evicted) void this.#closeIfUnused(entry);
		}
	}

	/** Closes every statement (those in use once their call ends); resolves when the unused ones are closed. */
	async clear(): Promise<void> {
		const closing = [...this.#entries.values()].map((entry) => this.#retire(entry));
		this.#entries.clear();
		await Promise.all(closing);
	}

	#evict(): void {
		while (this.#entries.size > this.#capacity) {
			const [oldest, entry] = this.#entries.entries().next().value as [string, Entry<S>];
			this.#entries.delete(oldest);
			void this.#retire(entry);
		}
	}

	#retire(entry: Entry<S>): Promise<void> {
		entry.evicted = true;
		return this.#closeIfUnused(entry);
	}

	/** Closing is tidying up: a statement the database has already dropped (it was closed) is no error. */
	async #closeIfUnused(entry: Entry<S>): Promise<void> {
		if (entry.users > 0) return;
		try {
			await (await entry.statement).close();
		} catch {
			// Nothing to close.
		}
	}
}
