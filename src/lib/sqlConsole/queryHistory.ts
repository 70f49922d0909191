import { z } from '$lib/schema/zod';

export const HISTORY_KEY = 'massage-outcomes:sql-history';
/** Queries kept, newest first. */
export const HISTORY_SIZE = 50;
/** Longer query text is not kept (it still runs). */
export const MAX_KEPT_SQL = 20_000;

/** One query run in the console, as kept in this browser and checked when read back. */
export const HistoryEntrySchema = z
	.object({
		/** The query as it was typed. */
		sql: z.string().min(1).max(MAX_KEPT_SQL),
		/** When it last ran, ISO 8601. */
		ranAt: z.iso.datetime()
	})
	.strict();

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The part of `localStorage` the history uses, so tests can give it a stand-in. */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The kept queries. Entries that are not what the console wrote (edited by hand or by another script) are dropped,
 * one by one, and so is a repeat of a query already read; storage that is not JSON gives an empty history.
 */
export function readHistory(storage: HistoryStorage): HistoryEntry[] {
	let stored: unknown;
	try {
		stored = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]');
	} catch {
		return [];
	}
	if (!Array.isArray(stored)) return [];
	const seen = new Set<string>();
	return stored
		.flatMap((entry) => {
			const parsed = HistoryEntrySchema.safeParse(entry);
			if (!parsed.success || seen.has(parsed.data.sql)) return [];
			seen.add(parsed.data.sql);
			return [parsed.data];
		})
		.slice(0, HISTORY_SIZE);
}

/** The history with `sql` at the top (moved there if it was already kept), at most HISTORY_SIZE long. */
export function withQuery(history: readonly HistoryEntry[], sql: string, ranAt: Date): HistoryEntry[] {
	const text = sql.trim();
	if (text.length === 0 || text.length > MAX_KEPT_SQL) return [...history];
	return [{ sql: text, ranAt: ranAt.toISOString() }, ...history.filter((e) => e.sql !== text)].slice(0, HISTORY_SIZE);
}

/** Keeps the history; a full storage quota is not an error worth stopping a query for. */
export function writeHistory(storage: HistoryStorage, history: readonly HistoryEntry[]): void {
	try {
		if (history.length === 0) storage.removeItem(HISTORY_KEY);
		else storage.setItem(HISTORY_KEY, JSON.stringify(history));
	} catch {
		// Quota exceeded or storage disabled: the history lasts until the tab closes.
	}
}
