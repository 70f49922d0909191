import { type Connector } from '$lib/db';
import { courseRowsSql } from '$lib/measures';
import type { Measure } from '$lib/measures';
import { conditionWhere } from './sessionCurves';

/** A range of course lengths (sessions attended), both ends included. */
export interface DoseBucket {
	label: string;
	min: number;
	max: number;
}

/** Course lengths for the dose chart. One session has no across-course change; 21+ only occurs in longer data. */
export const DOSE_BUCKETS: readonly DoseBucket[] = [
	{ label: '2', min: 2, max: 2 },
	{ label: '3', min: 3, max: 3 },
	{ label: '4–5', min: 4, max: 5 },
	{ label: '6–9', min: 6, max: 9 },
	{ label: '10–14', min: 10, max: 14 },
	{ label: '15–20', min: 15, max: 20 },
	{ label: '21+', min: 21, max: Number.MAX_SAFE_INTEGER }
];

/** Across-course change of the clients whose courses had a number of sessions in one bucket, before suppression. */
export interface DoseRow {
	/** Index into DOSE_BUCKETS. */
	bucket: number;
	clients: number;
	/** Mean change, signed so improvement is positive. */
	mean: number;
	sd: number | null;
	/** SDs of the same courses' baseline and end scores (for d_av). */
	sdBaseline: number | null;
	sdEnd: number | null;
}

/**
 * Across-course change (first score before a session to the last one) by course length, for a condition's clients
 * (every condition when null). Only buckets with clients are returned, in DOSE_BUCKETS order.
 */
export async function queryDoseResponse(db: Connector, condition: string | null, measure: Measure): Promise<DoseRow[]> {
	const where = conditionWhere(condition);
	const buckets = DOSE_BUCKETS.map(() => 'WHEN sessions BETWEEN ? AND ? THEN ?').join(' ');
	return db.query<DoseRow & Record<string, unknown>>(
		`SELECT CAST(bucket AS INTEGER) AS bucket, CAST(count(*) AS INTEGER) AS clients, avg(change) AS mean, stddev_samp(change) AS sd,
			stddev_samp(baseline) AS sdBaseline, stddev_samp(end_score) AS sdEnd
		FROM (
			SELECT change, baseline, end_score, CASE ${buckets} END AS bucket
			FROM (${courseRowsSql(measure, 'last_pre').sql}) ${where.sql}
		)
		WHERE change IS NOT NULL AND bucket IS NOT NULL
		GROUP BY bucket
		ORDER BY bucket`,
		[...DOSE_BUCKETS.flatMap((b, i) => [b.min, b.max, i]), ...where.params]
	);
}
