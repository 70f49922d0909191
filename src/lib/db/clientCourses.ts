import type { Connector } from './connector';

/**
 * One row per client: their course, described by its first session (course technique = primary technique of
 * session 1, home therapist, clinic, start month) so the overview's filters apply to it with the same column
 * names, and the across-course pain change from the first to the last session with a pre-session pain score.
 * Pre to pre, so the last visit's within-session drop is not pooled into the course change.
 */
export async function buildClientCourses(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE client_courses AS
		SELECT client_id,
			any_value(primary_condition) AS primary_condition,
			arg_min(primary_technique, session_number) AS primary_technique,
			arg_min(therapist_id, session_number) AS therapist_id,
			arg_min(clinic_id, session_number) AS clinic_id,
			arg_min(month, session_number) AS month,
			CAST(count(*) AS INTEGER) AS sessions,
			CAST(count(pain_pre) AS INTEGER) AS scored_sessions,
			arg_min(pain_pre, session_number) FILTER (WHERE pain_pre IS NOT NULL) AS pain_first_pre,
			arg_max(pain_pre, session_number) FILTER (WHERE pain_pre IS NOT NULL) AS pain_last_pre
		FROM session_facts
		GROUP BY client_id
		ORDER BY client_id`);
}
