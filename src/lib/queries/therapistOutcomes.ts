import type { Connector } from '$lib/db';
import type { CellSums } from '$lib/stats/ancova';
import { CELL_SUMS_SQL } from './cellSums';
import { courseRowsSql } from '$lib/measures';
import { MEASURES, type Measure } from '$lib/measures';
import { filterWhere, NO_FILTER } from '$lib/measures';

/** The outcomes compared between therapists: self-reports scored at every visit. */
export type TherapistMeasureKey = 'pain' | 'stress' | 'sleep';

export const THERAPIST_MEASURE_KEYS: readonly TherapistMeasureKey[] = ['pain', 'stress', 'sleep'];

/** What the therapists page selects. */
export interface TherapistFilter {
	measure: TherapistMeasureKey;
	/** A condition code, or null for every condition. */
	condition: string | null;
	/** A clinic code, or null for every clinic. */
	clinic: string | null;
}

export const DEFAULT_THERAPIST_FILTER: TherapistFilter = { measure: 'pain', condition: null, clinic: null };

/** One home therapist's clients with an across-course change (improvement positive), before any adjustment. */
export interface TherapistChangeRow {
	therapist: string;
	/** Clients whose course (2+ sessions scored) started with this therapist. */
	n: number;
	mean: number;
	/** Sample SD; null when n < 2. */
	sd: number | null;
	/** SDs of the same courses' baseline and end scores (for d_av). */
	sdBaseline: number | null;
	sdEnd: number | null;
}

/**
 * Sums over one home therapist's clients in one case-mix stratum (condition × course technique), as `ancova`
 * takes them. x = baseline, y = end of course, both signed so higher is better (courseRowsSql's x and y), so
 * change = y - x.
 */
export interface CaseMixCell extends CellSums {
	therapist: string;
	condition: string;
	technique: string;
}

export interface TherapistOutcomes {
	measure: Measure;
	therapists: TherapistChangeRow[];
	cells: CaseMixCell[];
}

export function therapistMeasure(key: TherapistMeasureKey): Measure {
	const measure = MEASURES.find((m) => m.key === key);
	if (!measure || !THERAPIST_MEASURE_KEYS.includes(key)) throw new Error(`invalid outcome: ${key}`);
	return measure;
}

/**
 * Each client's course (first session's score before → last session's score before), grouped by home therapist
 * (therapist of session 1): per therapist, and per therapist and stratum. Condition and clinic are bound parameters.
 */
export async function queryTherapistOutcomes(db: Connector, filter: TherapistFilter): Promise<TherapistOutcomes> {
	const measure = therapistMeasure(filter.measure);
	const where = filterWhere({
		...NO_FILTER,
		conditions: filter.condition === null ? [] : [filter.condition],
		clinics: filter.clinic === null ? [] : [filter.clinic]
	});
	const courses = `SELECT * FROM (${courseRowsSql(measure, 'last_pre').sql}) ${where.sql} ${where.sql ? 'AND' : 'WHERE'} change IS NOT NULL`;
	const therapists = await db.query<TherapistChangeRow & Record<string, unknown>>(
		`SELECT therapist_id AS therapist, CAST(count(*) AS INTEGER) AS n, avg(change) AS mean, stddev_samp(change) AS sd,
			stddev_samp(baseline) AS sdBaseline, stddev_samp(end_score) AS sdEnd
		FROM (${courses}) GROUP BY therapist_id ORDER BY therapist_id`,
		where.params
	);
	const cells = await db.query<CaseMixCell & Record<string, unknown>>(
		`SELECT therapist_id AS therapist, primary_condition AS condition, primary_technique AS technique, ${CELL_SUMS_SQL}
		FROM (${courses}) GROUP BY ALL ORDER BY 1, 2, 3`,
		where.params
	);
	return { measure, therapists, cells };
}
