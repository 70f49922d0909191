import type { Connector } from './connector';
import { quoteLiteral } from './sql';

/**
 * A large dataset's derived tables (session facts, the overview's rollups) are built in parts of consecutive
 * months, so that the build's working memory stays within the page's database whatever the dataset's size.
 */

/**
 * Sessions per part: a build's working memory (its groupings, joins and sort) is up to about a kilobyte a session
 * in duckdb-wasm, so a part of this many sessions takes up to about a quarter of the database's memory limit.
 */
export function sessionsPerPart(memoryLimitBytes: number): number {
	return Math.max(10_000, Math.floor(memoryLimitBytes / 4000));
}

/** The database's memory limit in bytes, as DuckDB reports it ("3.0 GiB", "300.0 MB"). */
export async function memoryLimitBytes(db: Connector): Promise<number> {
	const [{ limit }] = await db.query<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`);
	const match = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(limit.trim());
	if (!match) return 3 * 1024 ** 3;
	const unit = match[2];
	const power = ({ B: 0, KB: 1, KiB: 1, MB: 2, MiB: 2, GB: 3, GiB: 3, TB: 4, TiB: 4 } as Record<string, number>)[unit] ?? 3;
	return Number(match[1]) * (unit.includes('i') ? 1024 : 1000) ** power;
}

/**
 * The parts: ranges of the sessions' visit months of at most `perPart` sessions each (a month is never split), in
 * date order, then the sessions without a date; each as a condition on the table's column: the visit date of
 * `sessions` (what the session facts are built from), the month of `session_facts` (what the rollups are built
 * from). One part, `null` (no condition), for a dataset that fits at once. `perPart` defaults to the database's own.
 */
export async function buildParts(db: Connector, table: 'sessions' | 'session_facts', perPart?: number): Promise<(string | null)[]> {
	const column = table === 'sessions' ? 'session_date' : 'month';
	const month = table === 'sessions' ? "date_trunc('month', session_date)" : 'month';
	const size = perPart ?? sessionsPerPart(await memoryLimitBytes(db));
	const months = await db.query<{ month: string | null; n: number }>(
		`SELECT strftime(${month}, '%Y-%m-%d') AS month, count(*)::INTEGER AS n FROM ${table} GROUP BY ALL ORDER BY month NULLS LAST`
	);
	const total = months.reduce((sum, m) => sum + m.n, 0);
	if (total <= size) return [null];
	const parts: string[] = [];
	let from: string | null = null;
	let count = 0;
	const close = (to: string | null) => {
		const range = [from === null ? null : `${column} >= DATE ${quoteLiteral(from)}`, to === null ? null : `${column} < DATE ${quoteLiteral(to)}`];
		parts.push(range.filter((r) => r !== null).join(' AND ') || `${column} IS NOT NULL`);
	};
	for (const { month, n } of months) {
		if (month === null) continue;
		if (count > 0 && count + n > size) {
			close(month);
			from = month;
			count = 0;
		}
		count += n;
	}
	if (count > 0) close(null);
	if (months.some((m) => m.month === null)) parts.push(`${column} IS NULL`);
	return parts;
}

/**
 * Parts of sessions a query that groups every session per client (the overview's) still takes at once: measured in
 * the page, three million sessions (under four parts at 3 GiB) group per client within the limit and ten million do
 * not.
 */
export const PARTS_GROUPED_AT_ONCE = 4;

/**
 * Whether the dataset's sessions are too many to group per client in one query (more than PARTS_GROUPED_AT_ONCE
 * parts): the overview then reads what the parts built instead, from its first chart.
 */
export async function tooLargeToGroupAtOnce(db: Connector): Promise<boolean> {
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM session_facts');
	return n > PARTS_GROUPED_AT_ONCE * sessionsPerPart(await memoryLimitBytes(db));
}
