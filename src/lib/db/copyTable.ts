import type { Connector } from './connector';

/** Rows copied per statement: about 160 MB of a canonical table's rows before they are compressed. */
export const COPY_CHUNK_ROWS = 4_000_000;

/**
 * Copies a stored table (`source`, a table of an attached database file) into a table of the current catalog
 * (`target`, created or replaced), in its order, a chunk of rows per statement. The compressed catalog compresses
 * a write when it commits, so one statement would hold a large table's every row uncompressed first: ten million
 * sessions' scores (76 million rows) would not fit beside the rest.
 */
export async function copyTable(db: Connector, source: string, target: string, chunkRows = COPY_CHUNK_ROWS): Promise<void> {
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${source}`);
	const rows = Number(n);
	await db.exec(`CREATE OR REPLACE TABLE ${target} AS SELECT * FROM ${source}${rows > chunkRows ? ` WHERE rowid < ${chunkRows}` : ''}`);
	for (let from = chunkRows; from < rows; from += chunkRows) {
		await db.exec(`INSERT INTO ${target} SELECT * FROM ${source} WHERE rowid >= ${from} AND rowid < ${from + chunkRows}`);
	}
}
