import { DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';

/**
 * A few connections to the server's database, each running one query at a time, so that queries run side by side
 * and one can be stopped (DuckDBConnection.interrupt) without stopping the others. Requests beyond them wait in turn.
 */
export class ConnectionPool {
	readonly #free: DuckDBConnection[] = [];
	readonly #all: DuckDBConnection[] = [];
	readonly #waiting: ((connection: DuckDBConnection) => void)[] = [];

	private constructor(connections: DuckDBConnection[]) {
		this.#free.push(...connections);
		this.#all.push(...connections);
	}

	/**
	 * Opens `size` connections, each with `setup` run (e.g. `USE dataset`): before the database's configuration is
	 * locked, since a new connection's session starts from the defaults.
	 */
	static async open(instance: DuckDBInstance, size: number, setup: string): Promise<ConnectionPool> {
		const connections: DuckDBConnection[] = [];
		for (let i = 0; i < size; i++) {
			const connection = await DuckDBConnection.create(instance);
			await connection.run(setup);
			connections.push(connection);
		}
		return new ConnectionPool(connections);
	}

	/** Runs `work` on a free connection, waiting for one if all are busy. */
	async with<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
		const connection = this.#free.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.#waiting.push(resolve)));
		try {
			return await work(connection);
		} finally {
			const next = this.#waiting.shift();
			if (next) next(connection);
			else this.#free.push(connection);
		}
	}

	close(): void {
		for (const connection of this.#all) connection.closeSync();
	}
}
