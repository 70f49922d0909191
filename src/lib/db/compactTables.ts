import type { Connector } from './connector';
import { MARKS } from './marks';

/** Each database's compaction under way or last done, so that calls run one after another. */
const queued = new WeakMap<Connector, Promise<void>>();

/**
 * Compresses what is still uncompressed of the database's tables in memory. The tables live in a compressed
 * in-memory catalog (settings.ts): a large write is compressed as it commits, but the rows of smaller writes stay as
 * inserted until a checkpoint stores every column compressed. Callers run it in the background once the dashboard
 * has drawn, and again after adding tables (the overview's rollups); it holds the engine while it runs. Calls on one
 * database run in turn. Nothing to do on a query server's database.
 */
export function compactTables(db: Connector): Promise<void> {
	// A query server stores its own tables.
	if (db.served) return Promise.resolve();
	const previous = queued.get(db) ?? Promise.resolve();
	const next = previous
		.catch(() => undefined)
		.then(async () => {
			await db.exec('CHECKPOINT');
			performance.mark(MARKS.tablesCompacted);
		});
	queued.set(db, next);
	return next;
}
