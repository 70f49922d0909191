import { quoteIdentifier, type Connector } from '$lib/db';
import { compactTables } from '$lib/db/compactTables';
import { MEASURES, measureExpression, withinSessionChangeSql, type Measure, type Timepoint } from '$lib/measures';
import type { OutcomeFilter } from '$lib/measures';

const TIMEPOINTS: readonly Timepoint[] = ['pre', 'post', 'change'];

/**
 * A rollup's column holding the sum or the count of a measure's scores at a timepoint, or the client's mean at the
 * rollup's level (sum / count, worked out once when the rollup is built, so that a query's per-client means need no
 * division per row; the finest level has none).
 */
export function rollupColumn(measure: Measure, timepoint: Timepoint, what: 'sum' | 'n' | 'mean'): string {
	return quoteIdentifier(`${measure.key}_${timepoint}_${what}`);
}

/**
 * The overview's per-client sums, computed once for every measure and timepoint, at four levels: per client, month,
 * technique, therapist and clinic (the finest: every filter's columns are among its keys, so it answers any filter
 * without reading a session); then the three levels its scan sums the sessions to (see queryOverviewScan): per
 * client, month and technique; per client and month; per client. Each keeps the client's condition. Columns are named
 * as in session_facts, so filterWhere applies to them.
 */
export const ROLLUPS = [
	{ table: 'rollup_client_month_technique_provider', keys: ['month', 'primary_technique', 'therapist_id', 'clinic_id', 'client_key'] },
	{ table: 'rollup_client_month_technique', keys: ['month', 'primary_technique', 'client_key'] },
	{ table: 'rollup_client_month', keys: ['month', 'client_key'] },
	{ table: 'rollup_client', keys: ['client_key'] }
] as const;

export type RollupLevel = 0 | 1 | 2 | 3;

/** The within-session pain change the overview's KPI is the per-client mean of. */
export const PAIN_CHANGE = withinSessionChangeSql(MEASURES.find((m) => m.key === 'pain')!);

/** The finest level's sums, from the sessions: sums and counts only, as it is always summed again before a mean. */
const sumsFromSessions = [
	'any_value(primary_condition) AS primary_condition',
	'CAST(count(*) AS INTEGER) AS sessions',
	`sum(${PAIN_CHANGE}) AS within_sum`,
	`CAST(count(${PAIN_CHANGE}) AS INTEGER) AS within_n`,
	...MEASURES.flatMap((m) =>
		TIMEPOINTS.map((t) => {
			const value = measureExpression(m, t);
			return `sum(${value}) AS ${rollupColumn(m, t, 'sum')}, CAST(count(${value}) AS INTEGER) AS ${rollupColumn(m, t, 'n')}`;
		})
	)
].join(', ');

const sumsFromRollup = [
	'any_value(primary_condition) AS primary_condition',
	'CAST(sum(sessions) AS INTEGER) AS sessions',
	'sum(within_sum) AS within_sum',
	'CAST(sum(within_n) AS INTEGER) AS within_n',
	...MEASURES.flatMap((m) =>
		TIMEPOINTS.map(
			(t) => `sum(${rollupColumn(m, t, 'sum')}) AS ${rollupColumn(m, t, 'sum')}, CAST(sum(${rollupColumn(m, t, 'n')}) AS INTEGER) AS ${rollupColumn(m, t, 'n')},
				sum(${rollupColumn(m, t, 'sum')}) / nullif(sum(${rollupColumn(m, t, 'n')}), 0) AS ${rollupColumn(m, t, 'mean')}`
		)
	)
].join(', ');

/**
 * Each level's SQL: the first from the sessions, each next one from the level before. The finest level is stored in
 * order of clinic and therapist, so that the rows a filter on either keeps lie together: a therapist's or a clinic's
 * sums over it took about 1/1.4 of the time in native DuckDB at a million sessions.
 */
function rollupSql(level: RollupLevel): string {
	const { table, keys } = ROLLUPS[level];
	const from = level === 0 ? `session_facts` : ROLLUPS[level - 1].table;
	const sums = level === 0 ? sumsFromSessions : sumsFromRollup;
	const order = level === 0 ? ' ORDER BY clinic_id, therapist_id, month' : '';
	return `CREATE OR REPLACE TABLE ${table} AS SELECT ${keys.join(', ')}, ${sums} FROM ${from} GROUP BY ${keys.join(', ')}${order}`;
}

const built = new WeakMap<Connector, Promise<void>>();
const ready = new WeakSet<Connector>();

/**
 * Builds the rollups in the background, once per database; `onStep` is told each level done (1 to 4 of 4). Until
 * all are built the overview reads the sessions themselves: its answers are the same either way.
 */
export function buildOverviewRollups(db: Connector, onStep: (done: number, of: number) => void = () => {}): Promise<void> {
	let building = built.get(db);
	if (!building) {
		building = (async () => {
			for (const level of [0, 1, 2, 3] as const) {
				await db.exec(rollupSql(level));
				onStep(level + 1, ROLLUPS.length);
			}
			ready.add(db);
			// The rollups are compressed in memory as the other tables are.
			await compactTables(db);
		})();
		built.set(db, building);
		// A failed build leaves the overview on the sessions; the next call tries again.
		building.catch(() => built.delete(db));
	}
	return building;
}

/** Whether the database's rollups are built. */
export function rollupsReady(db: Connector): boolean {
	return ready.has(db);
}

/**
 * Whether each level's rollup can stand for the filtered sessions' sums at that level; a level whose rollup cannot
 * is summed from the level below. The finest level keeps every filter's columns, so it always can. A therapist or
 * clinic filter splits a client's month and technique, so the levels above it are summed from it; a technique filter
 * splits a client's month; a month range splits a client's course. A condition is the client's own and splits
 * nothing.
 */
export function usableRollups(filter: OutcomeFilter): { [level in RollupLevel]: boolean } {
	const first = filter.therapists.length === 0 && filter.clinics.length === 0;
	const second = first && filter.techniques.length === 0;
	const third = second && filter.from === null && filter.to === null;
	return { 0: true, 1: first, 2: second, 3: third };
}
