import type { SqlParam } from '$lib/db/connector';
import { placeholders } from '$lib/db/sql';

/** What the dashboard's filter bar selects. Empty lists mean "all". */
export interface OutcomeFilter {
	/** First month included, `YYYY-MM`, or null for no lower bound. */
	from: string | null;
	/** Last month included, `YYYY-MM`, or null for no upper bound. */
	to: string | null;
	techniques: string[];
	conditions: string[];
	therapists: string[];
	clinics: string[];
}

export const NO_FILTER: OutcomeFilter = { from: null, to: null, techniques: [], conditions: [], therapists: [], clinics: [] };

export interface SqlFragment {
	sql: string;
	params: SqlParam[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The filter as a WHERE clause over `session_facts`, every value a bound parameter.
 * A month that is not `YYYY-MM` is refused rather than passed on.
 */
export function filterWhere(filter: OutcomeFilter): SqlFragment {
	const clauses: string[] = [];
	const params: SqlParam[] = [];
	for (const [bound, op] of [[filter.from, '>='], [filter.to, '<=']] as const) {
		if (bound === null) continue;
		if (!MONTH.test(bound)) throw new Error(`invalid month: ${bound}`);
		clauses.push(`month ${op} CAST(? AS DATE)`);
		params.push(`${bound}-01`);
	}
	for (const [column, values] of [
		['primary_technique', filter.techniques],
		['primary_condition', filter.conditions],
		['therapist_id', filter.therapists],
		['clinic_id', filter.clinics]
	] as const) {
		if (values.length === 0) continue;
		clauses.push(`${column} IN (${placeholders(values.length)})`);
		params.push(...values);
	}
	return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
