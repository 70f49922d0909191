import { quoteIdentifier, quoteLiteral, type Connector } from '$lib/db';
import { MEASURES, measureExpression, type Measure, type Timepoint } from './measures';
import { filterWhere, type OutcomeFilter } from './outcomeFilter';

/** The technique value of a month's total over all techniques. */
export const ALL_TECHNIQUES = '(all)';

/** One month x technique point of a trend chart, before suppression. */
export interface TrendRow {
	/** `YYYY-MM`. */
	month: string;
	technique: string;
	mean: number;
	sessions: number;
	clients: number;
}

/** A measure's trend: its points, and the distinct clients and sessions behind the whole chart. */
export interface Trend {
	measure: Measure;
	rows: TrendRow[];
	clients: number;
	sessions: number;
}

type Level = 'point' | 'month' | 'chart';

/**
 * Monthly mean of every measure by primary technique, each month's total over all techniques
 * (technique = ALL_TECHNIQUES), and each chart's totals. Distinct clients are counted at each level, since clients
 * cannot be summed across months or techniques. Rather than a DISTINCT per measure and level, the filtered sessions
 * are summed once per client, month and technique, then per client and month, then per client: a client counts
 * in a group when they have a score there, and means are sums over counts, as over the sessions themselves.
 */
export async function queryTrends(db: Connector, filter: OutcomeFilter, timepoint: Timepoint): Promise<Trend[]> {
	const where = filterWhere(filter);
	const name = (m: Measure, suffix: string) => quoteIdentifier(`${m.key}_${suffix}`);
	const sums = (value: (m: Measure) => string) => MEASURES.map((m) => `sum(${value(m)}) AS ${name(m, 'sum')}, CAST(count(${value(m)}) AS INTEGER) AS ${name(m, 'n')}`).join(', ');
	const resum = MEASURES.map((m) => `sum(${name(m, 'sum')}) AS ${name(m, 'sum')}, CAST(sum(${name(m, 'n')}) AS INTEGER) AS ${name(m, 'n')}`).join(', ');
	const level = (kind: Level, month: string, technique: string, from: string, groupBy: string) =>
		`SELECT ${quoteLiteral(kind)} AS level, ${month} AS month, ${technique} AS technique, ${MEASURES.map(
			(m) => `sum(${name(m, 'sum')}) / nullif(sum(${name(m, 'n')}), 0) AS ${name(m, 'mean')}, CAST(coalesce(sum(${name(m, 'n')}), 0) AS INTEGER) AS ${name(m, 'sessions')},
				CAST(count(*) FILTER (WHERE ${name(m, 'n')} > 0) AS INTEGER) AS ${name(m, 'clients')}`
		).join(', ')}
		FROM ${from} ${groupBy}`;
	const rows = await db.query(
		`WITH per_client_technique AS (
			SELECT month, primary_technique AS technique, client_id, ${sums((m) => measureExpression(m, timepoint))}
			FROM session_facts ${where.sql}
			GROUP BY month, primary_technique, client_id
		),
		per_client_month AS (SELECT month, client_id, ${resum} FROM per_client_technique GROUP BY month, client_id),
		per_client AS (SELECT client_id, ${resum} FROM per_client_month GROUP BY client_id)
		SELECT * FROM (
			${level('point', "strftime(month, '%Y-%m')", 'technique', 'per_client_technique', 'GROUP BY month, technique')}
			UNION ALL ${level('month', "strftime(month, '%Y-%m')", quoteLiteral(ALL_TECHNIQUES), 'per_client_month', 'GROUP BY month')}
			UNION ALL ${level('chart', 'NULL', quoteLiteral(ALL_TECHNIQUES), 'per_client', '')}
		)
		ORDER BY month NULLS FIRST, level = 'point', technique`,
		where.params
	);
	return MEASURES.map((measure) => {
		const field = (row: Record<string, unknown>, suffix: string) => row[`${measure.key}_${suffix}`] as number;
		const chart = rows.find((r) => (r.level as Level) === 'chart');
		return {
			measure,
			rows: rows
				.filter((r) => (r.level as Level) !== 'chart' && field(r, 'sessions') > 0)
				.map((r) => ({
					month: r.month as string,
					technique: r.technique as string,
					mean: field(r, 'mean'),
					sessions: field(r, 'sessions'),
					clients: field(r, 'clients')
				})),
			clients: chart ? field(chart, 'clients') : 0,
			sessions: chart ? field(chart, 'sessions') : 0
		};
	});
}
