import type { Connector } from '$lib/db/connector';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';

/**
 * A kept dataset as a DuckDB database file in the origin's private file system (OPFS): its tables stored
 * compressed, as DuckDB stores them, so that showing it again attaches the file and reads only what the queries
 * ask for, instead of loading every row again.
 *
 * Writing: a new file for every save (a new name each time), attached before the database is locked, filled,
 * checkpointed and detached; only then does the dataset's entry in IndexedDB name it (datasetStore.write), so a
 * tab closed while writing leaves the dataset kept before as it was, and the half-written file is removed later
 * (removeUnlistedFiles). Reading: a snapshot of the file (a File), attached read-only, which holds no lock: other
 * tabs can read the same dataset, and a deleted dataset's file can be removed while a tab still shows it.
 */

const PREFIX = 'dataset-';
const SUFFIX = '.duckdb';
/** The catalog a dataset's file is attached as while it is written, and as it is read. */
const WRITING = 'keeping';
export const KEPT_CATALOG = 'kept';
/** An unlisted file is removed only when it has not changed for this long: another tab may be writing it. */
const UNLISTED_AGE_MS = 10 * 60 * 1000;

/** The origin's private file system, or null in a browser without one (or where it is refused). */
async function storageRoot(): Promise<FileSystemDirectoryHandle | null> {
	try {
		return (await navigator.storage?.getDirectory?.()) ?? null;
	} catch {
		return null;
	}
}

/** A file being written: its name in the private file system. */
export interface KeptFileTarget {
	name: string;
}

const opfsPath = (name: string) => `opfs://${name}`;
const walName = (name: string) => `${name}.wal`;

/**
 * Creates a new database file for a dataset and attaches it for writing. Runs before the database is locked (a
 * locked database attaches nothing). Null where this browser cannot: the dataset is then kept in IndexedDB.
 */
export async function openKeptFile(db: Connector, datasetId: string): Promise<KeptFileTarget | null> {
	const root = await storageRoot();
	if (!root || !db.registerOpfsFile || !db.registerFileHandle) return null;
	const name = `${PREFIX}${datasetId}-${crypto.randomUUID().slice(0, 8)}${SUFFIX}`;
	try {
		await db.registerOpfsFile(opfsPath(name));
		// The write-ahead log registered by its handle, so that dropping it lets go of the file.
		await db.registerFileHandle(opfsPath(walName(name)), await root.getFileHandle(walName(name), { create: true }));
		await db.exec(`ATTACH ${quoteLiteral(opfsPath(name))} AS ${WRITING}`);
		return { name };
	} catch {
		await release(db, name);
		await removeKeptFile(name);
		return null;
	}
}

/** Lets go of a file's handles (and its log's), so that it can be read elsewhere or removed. */
async function release(db: Connector, name: string): Promise<void> {
	for (const file of [opfsPath(name), opfsPath(walName(name))]) await db.dropFile(file).catch(() => undefined);
}

/**
 * Copies the named tables into the file, checkpoints it (each column compressed), detaches it and lets go of it.
 * Its write-ahead log, empty or stale once checkpointed, is removed.
 */
export async function writeKeptFile(db: Connector, target: KeptFileTarget, tables: readonly string[]): Promise<void> {
	try {
		for (const table of tables) {
			await db.exec(`CREATE TABLE ${WRITING}.${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(table)}`);
		}
		await db.exec(`CHECKPOINT ${WRITING}`);
		await db.exec(`DETACH ${WRITING}`);
	} finally {
		await release(db, target.name);
	}
	const root = await storageRoot();
	await root?.removeEntry(walName(target.name)).catch(() => undefined);
}

/** Gives up a file being written: detached, let go of and removed. */
export async function abandonKeptFile(db: Connector, target: KeptFileTarget): Promise<void> {
	await db.exec(`DETACH DATABASE IF EXISTS ${WRITING}`).catch(() => undefined);
	await release(db, target.name);
	await removeKeptFile(target.name);
}

/**
 * Attaches a kept dataset's file read-only (a snapshot, holding no lock) as `catalog`, and returns its tables'
 * names. Runs before the database is locked.
 */
export async function attachKeptFile(db: Connector, name: string, catalog = KEPT_CATALOG): Promise<string[]> {
	const root = await storageRoot();
	if (!root || !db.registerFileObject) throw new Error('this browser cannot read its kept datasets’ files');
	const file = await (await root.getFileHandle(name)).getFile();
	await db.registerFileObject(name, file);
	await db.exec(`ATTACH ${quoteLiteral(name)} AS ${quoteIdentifier(catalog)} (READ_ONLY)`);
	const rows = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ? ORDER BY table_name`, [catalog]);
	return rows.map((r) => r.name);
}

/** Detaches a file attached by attachKeptFile and forgets its snapshot. */
export async function detachKeptFile(db: Connector, name: string, catalog: string): Promise<void> {
	await db.exec(`DETACH ${quoteIdentifier(catalog)}`);
	await db.dropFile(name);
}

/** Removes a kept dataset's file and its log; a file already gone is not an error. */
export async function removeKeptFile(name: string): Promise<void> {
	const root = await storageRoot();
	if (!root) return;
	for (const file of [name, walName(name)]) {
		await root.removeEntry(file).catch((error: unknown) => {
			if ((error as DOMException)?.name !== 'NotFoundError') throw error;
		});
	}
}

/**
 * Removes dataset files that no kept dataset names: left by a tab closed while writing one, or by a save whose
 * entry failed. A file changed in the last minutes may be one another tab is writing, and stays; so does one in use.
 */
export async function removeUnlistedFiles(listed: ReadonlySet<string>, now = Date.now()): Promise<void> {
	const root = await storageRoot();
	if (!root) return;
	const entries = (root as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries();
	const unlisted: string[] = [];
	for await (const [name, handle] of entries) {
		if (handle.kind !== 'file' || !name.startsWith(PREFIX)) continue;
		const database = name.endsWith('.wal') ? name.slice(0, -'.wal'.length) : name;
		if (!database.endsWith(SUFFIX) || listed.has(database)) continue;
		// A file removed meanwhile (by another tab) is skipped.
		const changed = await (handle as FileSystemFileHandle).getFile().then((file) => file.lastModified, () => null);
		if (changed !== null && now - changed > UNLISTED_AGE_MS) unlisted.push(name);
	}
	for (const name of unlisted) await root.removeEntry(name).catch(() => undefined);
}

/** Removes every dataset file (deleting all imported data). Files in use by another tab stay until that tab closes. */
export async function removeAllKeptFiles(): Promise<void> {
	await removeUnlistedFiles(new Set(), Number.POSITIVE_INFINITY);
}
