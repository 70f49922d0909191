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
 * (technique = ALL_TECHNIQUES), and each chart's totals, in one scan of the filtered sessions.
 * Distinct clients are counted at each level, since clients cannot be summed across months or techniques.
 */
export async function queryTrends(db: Connector, filter: OutcomeFilter, timepoint: Timepoint): Promise<Trend[]> {
	const where = filterWhere(filter);
	const columns = MEASURES.map((m) => {
		const value = measureExpression(m, timepoint);
		const name = (suffix: string) => quoteIdentifier(`${m.key}_${suffix}`);
		return `avg(${value}) AS ${name('mean')}, CAST(count(${value}) AS INTEGER) AS ${name('sessions')},
			CAST(count(DISTINCT client_id) FILTER (WHERE ${value} IS NOT NULL) AS INTEGER) AS ${name('clients')}`;
	});
	const rows = await db.query(
		`SELECT CASE WHEN grouping(month) = 1 THEN 'chart' WHEN grouping(primary_technique) = 1 THEN 'month' ELSE 'point' END AS level,
			strftime(month, '%Y-%m') AS month,
			CASE WHEN grouping(primary_technique) = 1 THEN ${quoteLiteral(ALL_TECHNIQUES)} ELSE primary_technique END AS technique,
			${columns.join(',\n\t\t\t')}
		FROM session_facts ${where.sql}
		GROUP BY GROUPING SETS ((month, primary_technique), (month), ())
		ORDER BY month, grouping(primary_technique) DESC, technique`,
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
