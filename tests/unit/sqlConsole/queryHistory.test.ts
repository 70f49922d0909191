import { describe, expect, it } from 'vitest';
import { HISTORY_KEY, HISTORY_SIZE, readHistory, withQuery, writeHistory, type HistoryStorage } from '$lib/sqlConsole';

/** localStorage's part the history uses, in a Map. */
function memoryStorage(initial: Record<string, string> = {}): HistoryStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key)
	};
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute));

describe('the SQL console’s query history', () => {
	it('keeps queries newest first, once each, and reads them back', () => {
		const storage = memoryStorage();
		let history = withQuery([], 'SELECT 1', at(1));
		history = withQuery(history, '  SELECT 2\n', at(2));
		history = withQuery(history, 'SELECT 1', at(3));
		writeHistory(storage, history);
		expect(readHistory(storage)).toEqual([
			{ sql: 'SELECT 1', ranAt: '2026-01-15T10:03:00.000Z' },
			{ sql: 'SELECT 2', ranAt: '2026-01-15T10:02:00.000Z' }
		]);
	});

	it(`keeps the last ${HISTORY_SIZE}`, () => {
		let history = withQuery([], 'SELECT 0', at(0));
		for (let i = 1; i <= 60; i++) history = withQuery(history, `SELECT ${i}`, at(i));
		expect(history).toHaveLength(HISTORY_SIZE);
		expect(history[0].sql).toBe('SELECT 60');
		expect(history.at(-1)!.sql).toBe('SELECT 11');
	});

	it('clears: nothing is left in storage', () => {
		const storage = memoryStorage();
		writeHistory(storage, withQuery([], 'SELECT 1', at(1)));
		writeHistory(storage, []);
		expect(storage.data.has(HISTORY_KEY)).toBe(false);
		expect(readHistory(storage)).toEqual([]);
	});

	it('drops tampered and repeated entries, and reads storage that is not a history as empty', () => {
		const good = { sql: 'SELECT 1', ranAt: '2026-01-15T10:03:00.000Z' };
		const tampered = [
			good,
			{ sql: '', ranAt: good.ranAt },
			{ sql: 'SELECT 2', ranAt: 'yesterday' },
			{ sql: 42, ranAt: good.ranAt },
			{ sql: 'SELECT 3', ranAt: good.ranAt, html: '<img src=x onerror=alert(1)>' },
			{ sql: 'x'.repeat(20_001), ranAt: good.ranAt },
			'SELECT 4',
			null,
			{ ...good, ranAt: '2026-01-14T09:00:00.000Z' }
		];
		expect(readHistory(memoryStorage({ [HISTORY_KEY]: JSON.stringify(tampered) }))).toEqual([good]);
		expect(readHistory(memoryStorage({ [HISTORY_KEY]: '{"sql":"SELECT 1"}' }))).toEqual([]);
		expect(readHistory(memoryStorage({ [HISTORY_KEY]: 'not json' }))).toEqual([]);
		const many = Array.from({ length: 80 }, (_, i) => ({ sql: `SELECT ${i}`, ranAt: good.ranAt }));
		expect(readHistory(memoryStorage({ [HISTORY_KEY]: JSON.stringify(many) }))).toHaveLength(HISTORY_SIZE);
	});

	it('survives storage that refuses to keep anything', () => {
		const full: HistoryStorage = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('quota', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(() => writeHistory(full, withQuery([], 'SELECT 1', at(1)))).not.toThrow();
	});
});
