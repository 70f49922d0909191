import type { Connector } from './connector';
import { MARKS } from './marks';

/** Each database's compaction under way or last done, so that calls run one after another. */
const queued = new WeakMap<Connector, Promise<void>>();

/**
 * Compresses the database's tables in memory. DuckDB holds the rows of an in-memory table as they were inserted,
 * uncompressed, until it checkpoints; a checkpoint then stores every column compressed, as in a database file
 * (dictionary, run-length, bit-packing, ALP for doubles), and queries read the compressed columns. Measured on a
 * million sessions of the demo's kind (canonical tables, session facts, client courses): 844 MB before, 93 MB after
 * (docs/performance.md).
 *
 * A checkpoint holds the engine while it runs (about 8 s a million sessions on one thread, 0.2 s for the demo
 * data), so callers run it in the background once the dashboard has drawn, and again after adding tables (the
 * overview's rollups). Calls on one database run in turn.
 */
export function compactTables(db: Connector): Promise<void> {
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
