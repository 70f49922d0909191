import { courseRowsSql, MEASURES } from '$lib/measures';
import type { Connector } from './connector';

/**
 * One row per client: their pain course over every session (courseRowsSql, first session's pain before → last
 * session's pain before), kept as a table so that the overview's course figures without a month range, and the SQL
 * console, read it without regrouping the sessions.
 */
export async function buildClientCourses(db: Connector): Promise<void> {
	const pain = MEASURES.find((m) => m.key === 'pain')!;
	await db.exec(`CREATE OR REPLACE TABLE client_courses AS ${courseRowsSql(pain, 'last_pre').sql} ORDER BY client_id`);
}
