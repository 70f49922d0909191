import type { Connector } from '$lib/db';

/** A value the filter bar offers, with the sessions behind it. */
export interface FilterOption {
	value: string;
	sessions: number;
}

/** The values the filter bar offers and the months the data span (none when the dataset holds no dates). */
export interface FilterOptions {
	techniques: FilterOption[];
	conditions: FilterOption[];
	therapists: FilterOption[];
	clinics: FilterOption[];
	firstMonth: string | null;
	lastMonth: string | null;
}

type OptionColumn = 'primary_technique' | 'primary_condition' | 'therapist_id' | 'clinic_id';

async function distinctValues(db: Connector, column: OptionColumn) {
	return db.query<FilterOption & Record<string, unknown>>(
		`SELECT ${column} AS value, CAST(count(*) AS INTEGER) AS sessions FROM session_facts WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`
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
