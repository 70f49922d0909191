import type { Connector } from '$lib/db';

/** The values the filter bar offers, with how many sessions each has, and the months the data span. */
export interface FilterOptions {
	techniques: { value: string; sessions: number }[];
	conditions: { value: string; sessions: number }[];
	therapists: { value: string; sessions: number }[];
	clinics: { value: string; sessions: number }[];
	firstMonth: string | null;
	lastMonth: string | null;
}

async function distinctValues(db: Connector, column: string) {
	return db.query<{ value: string; sessions: number }>(
		`SELECT ${column} AS value, CAST(count(*) AS INTEGER) AS sessions FROM session_facts GROUP BY 1 ORDER BY 1`
	);
}

export async function queryFilterOptions(db: Connector): Promise<FilterOptions> {
	const [span] = await db.query<{ firstMonth: string | null; lastMonth: string | null }>(
		`SELECT strftime(min(month), '%Y-%m') AS firstMonth, strftime(max(month), '%Y-%m') AS lastMonth FROM session_facts`
	);
	return {
		techniques: await distinctValues(db, 'primary_technique'),
		conditions: await distinctValues(db, 'primary_condition'),
		therapists: await distinctValues(db, 'therapist_id'),
		clinics: await distinctValues(db, 'clinic_id'),
		firstMonth: span.firstMonth,
		lastMonth: span.lastMonth
	};
}
