import { quoteIdentifier, quoteLiteral, type Connector, type SqlParam } from '$lib/db';
import type { ConditionClientsRow } from './conditionClients';
import { MEASURES, measureExpression, type Measure, type Timepoint } from '$lib/measures';
import { filterWhere, type OutcomeFilter } from '$lib/measures';
import { tooLargeToGroupAtOnce } from '$lib/db/buildParts';
import { buildOverviewRollups, PAIN_CHANGE, ROLLUPS, rollupColumn, rollupsReady, usableRollups, type RollupLevel } from './overviewRollups';
import { byClients, type GroupChange } from './groupChange';
import { ALL_TECHNIQUES, FINEST_GRAIN, OTHER_TECHNIQUES, type Trend, type TrendGrain } from './trend';

/** The overview's figures from the sessions themselves (the course figures come from queryCourseKpis). */
export interface SessionKpis {
	sessions: number;
	clients: number;
	/** Within-session pain change (improvement positive): each client's mean over their sessions, then over clients. */
	withinPainChange: number | null;
	withinSessions: number;
	withinClients: number;
}

/** Everything the overview needs from the filtered sessions, before suppression. */
export interface OverviewScan {
	trends: Trend[];
	kpis: SessionKpis;
	/** Clients and sessions by primary condition, most clients first. */
	conditions: ConditionClientsRow[];
	/**
	 * The within-session pain change by condition and by session technique, most clients first: each client's mean
	 * over their sessions (of that technique), then over clients, as the key figure's.
	 */
	withinByCondition: GroupChange[];
	withinByTechnique: GroupChange[];
	/** Read from the overview's rollups (at least one level) rather than from the sessions alone. */
	fromRollups: boolean;
}

type Level = 'point' | 'month' | 'chart' | 'condition' | 'technique';

/**
 * The overview's session figures in one pass over the filtered sessions: the monthly mean of every measure by
 * technique, each month's total over all techniques (technique = ALL_TECHNIQUES) and each chart's totals; the
 * sessions, clients and within-session pain change; and clients by condition. Distinct clients cannot be summed
 * across months, techniques or conditions, so rather than a DISTINCT per measure and level, the sessions are summed
 * once per client, month and technique, then per client and month, then per client; a client counts in a group
 * when they have a score there, and means are sums over counts, as over the sessions themselves. A client has one
 * condition (it is the client's), so clients by condition are counted from the per-client sums. Every mean is per
 * client: each client's mean over their sessions in the group, then the mean over those clients (n = clients).
 *
 * Once the overview's rollups are built (overviewRollups.ts), each level the filter does not split is read from its
 * rollup instead of summed, and the others are summed from the finest rollup (per client, month, technique,
 * therapist and clinic): no session is read under any filter.
 */
export async function queryOverviewScan(
	db: Connector,
	filter: OutcomeFilter,
	timepoint: Timepoint,
	grain: TrendGrain = FINEST_GRAIN
): Promise<OverviewScan> {
	const where = filterWhere(filter);
	const name = (m: Measure, suffix: string) => quoteIdentifier(`${m.key}_${suffix}`);
	const sums = MEASURES.map((m) => {
		const value = measureExpression(m, timepoint);
		return `sum(${value}) AS ${name(m, 'sum')}, count(${value}) AS ${name(m, 'n')}, sum(${value}) / nullif(count(${value}), 0) AS ${name(m, 'cmean')}`;
	});
	const resum = [
		'any_value(condition) AS condition',
		'sum(sessions) AS sessions',
		'sum(within_sum) AS within_sum',
		'sum(within_n) AS within_n',
		...MEASURES.map(
			(m) => `sum(${name(m, 'sum')}) AS ${name(m, 'sum')}, sum(${name(m, 'n')}) AS ${name(m, 'n')}, sum(${name(m, 'sum')}) / nullif(sum(${name(m, 'n')}), 0) AS ${name(m, 'cmean')}`
		)
	].join(', ');
	// A dataset too large to group per client at once (ten million sessions) is read from its rollups, built in parts.
	if (!rollupsReady(db) && (await tooLargeToGroupAtOnce(db))) await buildOverviewRollups(db);
	// Where the rollups are built and the filter does not split their groups, a level is read from its rollup.
	const rollups = rollupsReady(db) ? usableRollups(filter) : { 0: false, 1: false, 2: false, 3: false, 4: false };
	const params: SqlParam[] = [];
	const fromRollup = (level: RollupLevel, keys: string) => {
		params.push(...where.params);
		const measures = MEASURES.map(
			(m) => {
				const [sum, n] = [rollupColumn(m, timepoint, 'sum'), rollupColumn(m, timepoint, 'n')];
				return `${sum} AS ${name(m, 'sum')}, ${n} AS ${name(m, 'n')}, ${sum} / nullif(${n}, 0) AS ${name(m, 'cmean')}`;
			}
		);
		return `SELECT ${keys}, primary_condition AS condition, sessions, within_sum, within_n, ${measures.join(', ')}
			FROM ${ROLLUPS[level].table} ${where.sql}`;
	};
	const fromSessions = () => {
		params.push(...where.params);
		return `SELECT month, primary_technique AS technique, client_key, any_value(primary_condition) AS condition,
				count(*) AS sessions, sum(${PAIN_CHANGE}) AS within_sum, count(${PAIN_CHANGE}) AS within_n,
				${sums.join(', ')}
			FROM session_facts ${where.sql}
			GROUP BY month, primary_technique, client_key`;
	};
	// The finest rollup, filtered (by a therapist or clinic, say) and summed to each client's month and technique.
	const fromFinest = () => {
		params.push(...where.params);
		const measures = MEASURES.map((m) => {
			const [sum, n] = [rollupColumn(m, timepoint, 'sum'), rollupColumn(m, timepoint, 'n')];
			return `sum(${sum}) AS ${name(m, 'sum')}, sum(${n}) AS ${name(m, 'n')}, sum(${sum}) / nullif(sum(${n}), 0) AS ${name(m, 'cmean')}`;
		});
		return `SELECT month, primary_technique AS technique, client_key, any_value(primary_condition) AS condition,
				sum(sessions) AS sessions, sum(within_sum) AS within_sum, sum(within_n) AS within_n, ${measures.join(', ')}
			FROM ${ROLLUPS[0].table} ${where.sql}
			GROUP BY month, primary_technique, client_key`;
	};
	const monthly = () => (rollups[1] ? fromRollup(1, 'month, primary_technique AS technique, client_key') : rollups[0] ? fromFinest() : fromSessions());
	const coarser = grain.step !== 'month' || grain.pooled.length > 0;
	// A quarter's or a year's clients, and those of pooled techniques, are counted again from each client's months.
	const perClientTechnique = coarser ? regrained(grain, params, monthly, resum) : monthly();
	const perClientMonth =
		rollups[2] && grain.step === 'month' ? fromRollup(2, 'month, client_key') : `SELECT month, client_key, ${resum} FROM per_client_technique GROUP BY month, client_key`;
	const perClient = rollups[3] ? fromRollup(3, 'client_key') : `SELECT client_key, ${resum} FROM per_client_month GROUP BY client_key`;
	// Each client's within-session sums by session technique, read on their own (three columns): summed from the shared
	// per-client CTE they cost the whole scan again. A coarser grain is asked for its trends only.
	const perClientSessionTechnique = coarser
		? null
		: rollups[4]
			? (params.push(...where.params), `SELECT primary_technique AS technique, client_key, sessions, within_sum, within_n FROM ${ROLLUPS[4].table} ${where.sql}`)
			: sessionTechniqueSums(rollups[1] ? ROLLUPS[1].table : rollups[0] ? ROLLUPS[0].table : null, where, params);
	const measureColumns = (shown: boolean) =>
		MEASURES.map((m) =>
			shown
				? `avg(${name(m, 'cmean')}) AS ${name(m, 'mean')}, CAST(coalesce(sum(${name(m, 'n')}), 0) AS INTEGER) AS ${name(m, 'sessions')},
					CAST(count(*) FILTER (WHERE ${name(m, 'n')} > 0) AS INTEGER) AS ${name(m, 'clients')}`
				: `NULL AS ${name(m, 'mean')}, NULL AS ${name(m, 'sessions')}, NULL AS ${name(m, 'clients')}`
		).join(', ');
	const totals = (shown: boolean) =>
		shown
			? `CAST(coalesce(sum(sessions), 0) AS INTEGER) AS all_sessions, CAST(count(*) AS INTEGER) AS all_clients,
				avg(within_sum / nullif(within_n, 0)) AS within_mean, stddev_samp(within_sum / nullif(within_n, 0)) AS within_sd,
				CAST(coalesce(sum(within_n), 0) AS INTEGER) AS within_n,
				CAST(count(*) FILTER (WHERE within_n > 0) AS INTEGER) AS within_clients`
			: 'NULL AS all_sessions, NULL AS all_clients, NULL AS within_mean, NULL AS within_sd, NULL AS within_n, NULL AS within_clients';
	const level = (kind: Level, columns: { month: string; technique: string; condition: string }, from: string, groupBy: string) =>
		`SELECT ${quoteLiteral(kind)} AS level, ${columns.month} AS month, ${columns.technique} AS technique, ${columns.condition} AS condition,
			${measureColumns(kind !== 'condition' && kind !== 'technique')}, ${totals(kind === 'chart' || kind === 'condition' || kind === 'technique')}
		FROM ${from} ${groupBy}`;
	const month = "strftime(month, '%Y-%m')";
	const all = quoteLiteral(ALL_TECHNIQUES);
	const rows = await db.query(
		`WITH per_client_technique AS (${perClientTechnique}),
		per_client_month AS (${perClientMonth}),
		per_client AS (${perClient})
		${perClientSessionTechnique === null ? '' : `, per_client_session_technique AS (${perClientSessionTechnique})`}
		SELECT * FROM (
			${level('point', { month, technique: 'technique', condition: 'NULL' }, 'per_client_technique', 'GROUP BY month, technique')}
			UNION ALL ${level('month', { month, technique: all, condition: 'NULL' }, 'per_client_month', 'GROUP BY month')}
			UNION ALL ${level('chart', { month: 'NULL', technique: all, condition: 'NULL' }, 'per_client', '')}
			UNION ALL ${level('condition', { month: 'NULL', technique: 'NULL', condition: 'condition' }, 'per_client', 'GROUP BY condition')}
			${perClientSessionTechnique === null ? '' : `UNION ALL ${level('technique', { month: 'NULL', technique: 'technique', condition: 'NULL' }, 'per_client_session_technique', 'GROUP BY technique')}`}
		)
		ORDER BY month NULLS FIRST, level = 'point', technique`,
		params
	);
	const of = (kind: Level) => rows.filter((r) => (r.level as Level) === kind);
	const chart = of('chart')[0];
	const trends = MEASURES.map((measure) => {
		const field = (row: Record<string, unknown>, suffix: string) => row[`${measure.key}_${suffix}`] as number;
		return {
			measure,
			// In the query's order: by month, the month's total first, then its techniques.
			rows: rows
				// Sessions without a date (a researcher export's) have no month: they count in the key figures, not the trends.
				.filter((r) => ((r.level as Level) === 'point' || (r.level as Level) === 'month') && r.month !== null && field(r, 'sessions') > 0)
				.map((r) => ({ month: r.month as string, technique: r.technique as string, mean: field(r, 'mean'), sessions: field(r, 'sessions'), clients: field(r, 'clients') })),
			clients: chart ? field(chart, 'clients') : 0,
			sessions: chart ? field(chart, 'sessions') : 0
		};
	});
	const kpis: SessionKpis = {
		sessions: (chart?.all_sessions as number) ?? 0,
		clients: (chart?.all_clients as number) ?? 0,
		withinPainChange: (chart?.within_mean as number | null) ?? null,
		withinSessions: (chart?.within_n as number) ?? 0,
		withinClients: (chart?.within_clients as number) ?? 0
	};
	const conditions = of('condition')
		.map((r) => ({ condition: r.condition as string, clients: r.all_clients as number, sessions: r.all_sessions as number }))
		.sort((a, b) => b.clients - a.clients || a.condition.localeCompare(b.condition));
	const within = (kind: Level, key: 'condition' | 'technique') =>
		of(kind)
			.filter((r) => (r.within_clients as number) > 0 && r[key] !== null)
			.map((r) => ({ group: r[key] as string, n: r.within_clients as number, mean: r.within_mean as number, sd: r.within_sd as number | null }))
			.sort(byClients);
	return {
		trends,
		kpis,
		conditions,
		withinByCondition: within('condition', 'condition'),
		withinByTechnique: within('technique', 'technique'),
		fromRollups: rollups[0] || rollups[1] || rollups[2] || rollups[3]
	};
}

/** Each client's sessions and within-session pain sums per session technique, from a rollup or else the sessions. */
function sessionTechniqueSums(rollup: string | null, where: { sql: string; params: SqlParam[] }, params: SqlParam[]): string {
	params.push(...where.params);
	const rows = rollup
		? `SELECT client_key, primary_technique AS technique, sessions, within_sum, within_n FROM ${rollup} ${where.sql}`
		: `SELECT client_key, primary_technique AS technique, 1 AS sessions, ${PAIN_CHANGE} AS within_sum, CAST(${PAIN_CHANGE} IS NOT NULL AS INTEGER) AS within_n
			FROM session_facts ${where.sql}`;
	return `SELECT client_key, technique, sum(sessions) AS sessions, sum(within_sum) AS within_sum, sum(within_n) AS within_n
		FROM (${rows}) GROUP BY client_key, technique`;
}

/**
 * The per-client, month and technique sums of `monthly` summed again to each client's quarter or year and technique,
 * the pooled techniques as one (OTHER_TECHNIQUES): a client counts once in a quarter however many of its months
 * they came, so the coarser points are counted from the clients, not added from the months'.
 */
function regrained(grain: TrendGrain, params: SqlParam[], monthly: () => string, resum: string): string {
	const pooled = grain.pooled.length > 0 ? `CASE WHEN technique IN (${grain.pooled.map(() => '?').join(', ')}) THEN ? ELSE technique END` : 'technique';
	params.push(...grain.pooled, ...(grain.pooled.length > 0 ? [OTHER_TECHNIQUES] : []));
	const step = grain.step === 'month' ? 'month' : `CAST(date_trunc(${quoteLiteral(grain.step)}, month) AS DATE)`;
	return `SELECT ${step} AS month, ${pooled} AS technique, client_key, ${resum} FROM (${monthly()}) GROUP BY 1, 2, 3`;
}

/** The trends alone (see queryOverviewScan). */
export async function queryTrends(db: Connector, filter: OutcomeFilter, timepoint: Timepoint): Promise<Trend[]> {
	return (await queryOverviewScan(db, filter, timepoint)).trends;
}
