import type { Connector } from '$lib/db/connector';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { quoteIdentifier } from '$lib/db/sql';

/** Where an import gets its private database, and what becomes of it after. */
export interface ImportDatabases {
	open(): Promise<Connector>;
	/** Done with a database: `spent` when it is locked, trapped or grew large, so it must not be used again. */
	release(db: Connector, spent: boolean): Promise<void>;
}

/** A fresh database for every import, as the page opens one for every file chosen. */
export const FRESH_DATABASES: ImportDatabases = {
	open: openNodeConnector,
	release: (db) => db.close().catch(() => undefined)
};

/**
 * One database reused from import to import while it can be, emptied of every table and view in between:
 * starting duckdb-wasm costs about a second, more than most hostile files take. An imported file leaves its
 * database locked (as the page does), so the next import opens a new one.
 */
export function reusedDatabases(): ImportDatabases {
	let spare: Connector | null = null;
	return {
		async open() {
			const db = spare ?? (await openNodeConnector());
			spare = null;
			return db;
		},
		async release(db, spent) {
			if (!spent) {
				try {
					const objects = await db.query<{ name: string; kind: string }>(
						`SELECT table_name AS name, 'TABLE' AS kind FROM duckdb_tables() UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal`
					);
					for (const { name, kind } of objects) await db.exec(`DROP ${kind} IF EXISTS ${quoteIdentifier(name)}`);
					spare = db;
					return;
				} catch {
					// Not reusable after all: closed below.
				}
			}
			await db.close().catch(() => undefined);
		}
	};
}
