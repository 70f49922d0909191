import { DuckDBConnection, type DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { StatementCache } from '$lib/db/statementCache';

/** A prepared statement as the statement cache keeps it. */
export interface Prepared {
	statement: DuckDBPreparedStatement;
	close(): void;
}

/** One connection of the pool, with the statements it prepared (the page's few queries, run again and again). */
export interface PooledConnection {
	connection: DuckDBConnection;
	statements: StatementCache<Prepared>;
}

/**
 * A few connections to the server's database, each running one query at a time, so that queries run side by side
 * and one can be stopped (DuckDBConnection.interrupt) without stopping the others. Requests beyond them wait in turn.
 */
export class ConnectionPool {
	readonly #free: PooledConnection[] = [];
	readonly #all: PooledConnection[] = [];
	readonly #waiting: ((connection: PooledConnection) => void)[] = [];

	private constructor(connections: PooledConnection[]) {
		this.#free.push(...connections);
		this.#all.push(...connections);
	}

	/**
	 * Opens `size` connections, each with `setup` run (e.g. `USE dataset`): before the database's configuration is
	 * locked, since a new connection's session starts from the defaults.
	 */
	static async open(instance: DuckDBInstance, size: number, setup: string): Promise<ConnectionPool> {
		const connections: PooledConnection[] = [];
		for (let i = 0; i < size; i++) {
			const connection = await DuckDBConnection.create(instance);
			await connection.run(setup);
			const statements = new StatementCache<Prepared>(async (sql) => {
				const statement = await connection.prepare(sql);
				return { statement, close: () => statement.destroySync() };
			});
			connections.push({ connection, statements });
		}
		return new ConnectionPool(connections);
	}

	/** Runs `work` on a free connection, waiting for one if all are busy. */
	async with<T>(work: (pooled: PooledConnection) => Promise<T>): Promise<T> {
		const connection = this.#free.pop() ?? (await new Promise<PooledConnection>((resolve) => this.#waiting.push(resolve)));
		try {
			return await work(connection);
		} finally {
			const next = this.#waiting.shift();
			if (next) next(connection);
			else this.#free.push(connection);
		}
	}

	async close(): Promise<void> {
		for (const { connection, statements } of this.#all) {
			await statements.clear();
			connection.closeSync();
		}
	}
}
