import { describe, expect, it } from 'vitest';
import { StatementCache } from '$lib/db/statementCache';

/** A fake statement that records its preparation and closing. */
function fakeDatabase() {
	const prepared: string[] = [];
	const closed: string[] = [];
	const prepare = async (sql: string) => {
		if (sql.startsWith('BAD')) throw new Error(`syntax error in ${sql}`);
		prepared.push(sql);
		return {
			sql,
			close: () => {
				if (closed.includes(sql)) throw new Error(`No prepared statement found: ${sql}`);
				closed.push(sql);
			}
		};
	};
	return { prepared, closed, prepare };
}

describe('StatementCache', () => {
	it('prepares a statement once and reuses it', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 4);
		const results = [];
		for (const value of [1, 2, 3]) results.push(await cache.with('SELECT ?', (s) => `${s.sql} with ${value}`));
		expect(results).toEqual(['SELECT ? with 1', 'SELECT ? with 2', 'SELECT ? with 3']);
		expect(db.prepared).toEqual(['SELECT ?']);
		expect(db.closed).toEqual([]);
	});

	it('shares one preparation between concurrent calls', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 4);
		await Promise.all([cache.with('Q', () => 1), cache.with('Q', () => 2)]);
		expect(db.prepared).toEqual(['Q']);
	});

	it('closes the least recently used statement beyond its capacity', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 2);
		await cache.with('A', () => 0);
		await cache.with('B', () => 0);
		await cache.with('A', () => 0); // A is now the most recent
		await cache.with('C', () => 0);
		await Promise.resolve();
		expect(db.closed).toEqual(['B']);
		expect(cache.size).toBe(2);
		await cache.with('A', () => 0);
		expect(db.prepared).toEqual(['A', 'B', 'C']);
	});

	it('closes a statement pushed out while in use only when its call ends', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 1);
		let release!: () => void;
		const running = cache.with('A', () => new Promise<void>((resolve) => (release = resolve)));
		await new Promise((resolve) => setTimeout(resolve));
		await cache.with('B', () => 0);
		await Promise.resolve();
		expect(db.closed).toEqual([]);
		release();
		await running;
		await Promise.resolve();
		expect(db.closed).toEqual(['A']);
	});

	it('does not keep a statement that failed to prepare, and keeps one whose run failed', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 4);
		await expect(cache.with('BAD SQL', () => 0)).rejects.toThrow('syntax error in BAD SQL');
		expect(cache.size).toBe(0);
		await expect(
			cache.with('Q', () => {
				throw new Error('conversion error');
			})
		).rejects.toThrow('conversion error');
		expect(cache.size).toBe(1);
		await cache.with('Q', () => 0);
		expect(db.prepared).toEqual(['Q']);
	});

	it('closes a statement once, and takes a failed close as closed', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 4);
		await cache.with('A', () => 0);
		db.closed.push('A'); // the database dropped it already
		await expect(cache.clear()).resolves.toBeUndefined();
	});

	it('closes everything on clear', async () => {
		const db = fakeDatabase();
		const cache = new StatementCache(db.prepare, 4);
		await cache.with('A', () => 0);
		await cache.with('B', () => 0);
		await cache.clear();
		expect(db.closed.sort()).toEqual(['A', 'B']);
		expect(cache.size).toBe(0);
	});
});
