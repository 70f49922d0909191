import { quoteIdentifier, type Connector } from '$lib/db';
import { buildParts } from '$lib/db/buildParts';
import { compactTables } from '$lib/db/compactTables';
import { MEASURES, measureExpression, withinSessionChangeSql, type Measure, type Timepoint } from '$lib/measures';
import type { OutcomeFilter } from '$lib/measures';

const TIMEPOINTS: readonly Timepoint[] = ['pre', 'post', 'change'];

/** A rollup's column holding the sum or the count of a measure's scores at a timepoint. */
export function rollupColumn(measure: Measure, timepoint: Timepoint, what: 'sum' | 'n'): string {
	return quoteIdentifier(`${measure.key}_${timepoint}_${what}`);
}

/**
 * The overview's per-client sums, computed once for every measure and timepoint, at four levels: per client, month,
 * technique, therapist and clinic (the finest: every filter's columns are among its keys, so it answers any filter
 * without reading a session); then the three levels its scan sums the sessions to (see queryOverviewScan): per
 * client, month and technique; per client and month; per client. A fifth holds only the within-session pain sums per
 * client and session technique (the improvement figure's). Each keeps the client's condition. Columns are named as in
 * session_facts, so filterWhere applies to them.
 */
export const ROLLUPS = [
	{ table: 'rollup_client_month_technique_provider', keys: ['month', 'primary_technique', 'therapist_id', 'clinic_id', 'client_key'], from: null },
	{ table: 'rollup_client_month_technique', keys: ['month', 'primary_technique', 'client_key'], from: 0 },
	{ table: 'rollup_client_month', keys: ['month', 'client_key'], from: 1 },
	{ table: 'rollup_client', keys: ['client_key'], from: 2 },
	// Within-session pain sums only, per client and session technique (the improvement figure's technique level).
	{ table: 'rollup_client_technique', keys: ['primary_technique', 'client_key'], from: 1 }
] as const;

export type RollupLevel = 0 | 1 | 2 | 3 | 4;

/** The within-session pain change the overview's KPI is the per-client mean of. */
export const PAIN_CHANGE = withinSessionChangeSql(MEASURES.find((m) => m.key === 'pain')!);

/**
 * The rollups hold sums and counts only: a client's mean at a level is worked out by the query that reads it (sum /
 * count), which costs a division a row and saves a third of the rollups' memory.
 */
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

/** The last level's few columns: each client's sessions and within-session pain sums. */
const withinFromRollup = [
	'any_value(primary_condition) AS primary_condition',
	'CAST(sum(sessions) AS INTEGER) AS sessions',
	'sum(within_sum) AS within_sum',
	'CAST(sum(within_n) AS INTEGER) AS within_n'
].join(', ');

const sumsFromRollup = [
	'any_value(primary_condition) AS primary_condition',
	'CAST(sum(sessions) AS INTEGER) AS sessions',
	'sum(within_sum) AS within_sum',
	'CAST(sum(within_n) AS INTEGER) AS within_n',
	...MEASURES.flatMap((m) =>
		TIMEPOINTS.map(
			(t) => `sum(${rollupColumn(m, t, 'sum')}) AS ${rollupColumn(m, t, 'sum')}, CAST(sum(${rollupColumn(m, t, 'n')}) AS INTEGER) AS ${rollupColumn(m, t, 'n')}`
		)
	)
].join(', ');

/**
 * Each level's SQL: the first from the sessions, each next one from the level before; for a part of the months
 * (buildParts), the part's rows added to the table the first part created. The finest level is stored in order of
 * clinic and therapist (within each part), so that the rows a filter on either keeps lie together: a therapist's or
 * a clinic's sums over it took about 1/1.4 of the time in native DuckDB at a million sessions.
 */
export function rollupSql(level: RollupLevel, part: string | null = null, first = true): string {
	const { table, keys, from: source } = ROLLUPS[level];
	const from = source === null ? `session_facts` : ROLLUPS[source].table;
	const sums = level === 0 ? sumsFromSessions : level === 4 ? withinFromRollup : sumsFromRollup;
	const order = level === 0 ? ' ORDER BY clinic_id, therapist_id, month' : '';
	const into = first ? `CREATE OR REPLACE TABLE ${table} AS` : `INSERT INTO ${table}`;
	return `${into} SELECT ${keys.join(', ')}, ${sums} FROM ${from}${part === null ? '' : ` WHERE ${part}`} GROUP BY ${keys.join(', ')}${order}`;
}

/**
 * The rollups' tables, level by level. A large dataset's are built in parts of consecutive months (a level with the
 * month among its keys has a part's groups its own), which keeps the build within the page's memory; a level without
 * it (per client; per client and technique) sums the one it is built from whole.
 */
export async function buildRollupTables(db: Connector, onLevel: (level: RollupLevel) => void = () => {}, perPart?: number): Promise<void> {
	const parts = await buildParts(db, 'session_facts', perPart);
	for (const level of ROLLUPS.keys() as Iterable<RollupLevel>) {
		if (!(ROLLUPS[level].keys as readonly string[]).includes('month')) await db.exec(rollupSql(level));
		else for (const [i, part] of parts.entries()) await db.exec(rollupSql(level, part, i === 0));
		onLevel(level);
	}
}

const built = new WeakMap<Connector, Promise<void>>();
const ready = new WeakSet<Connector>();

/**
 * Builds the rollups in the background, once per database; `onStep` is told each level done (1 to 4 of 4). Until
 * all are built the overview reads the sessions themselves: its answers are the same either way. A query server's
 * are built already.
 */
export function buildOverviewRollups(db: Connector, onStep: (done: number, of: number) => void = () => {}): Promise<void> {
	let building = built.get(db);
	// A query server builds its rollups before it answers.
	if (!building && db.served) {
		ready.add(db);
		building = Promise.resolve();
		built.set(db, building);
	}
	if (!building) {
		building = (async () => {
			await buildRollupTables(db, (level) => onStep(level + 1, ROLLUPS.length));
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
	// A client's sums per technique are split by a therapist, clinic or month range, not by a technique filter.
	const byTechnique = first && filter.from === null && filter.to === null;
	return { 0: true, 1: first, 2: second, 3: third, 4: byTechnique };
}
