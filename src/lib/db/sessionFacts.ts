import type { Connector } from './connector';

/**
 * One row per session with its client's condition and the session's scores side by side: the table every
 * dashboard query reads. Range of motion is the mean over the movements and sides measured, as % of normal.
 */
export async function buildSessionFacts(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE session_facts AS
		WITH scores AS (
			SELECT m.session_id,
				avg(m.value) FILTER (WHERE m.instrument = 'pain_nrs' AND m.timepoint = 'pre') AS pain_pre,
				avg(m.value) FILTER (WHERE m.instrument = 'pain_nrs' AND m.timepoint = 'post') AS pain_post,
				avg(m.value) FILTER (WHERE m.instrument = 'stress_nrs' AND m.timepoint = 'pre') AS stress_pre,
				avg(m.value) FILTER (WHERE m.instrument = 'stress_nrs' AND m.timepoint = 'post') AS stress_post,
				avg(m.value) FILTER (WHERE m.instrument = 'sleep_nrs' AND m.timepoint = 'pre') AS sleep_pre,
				avg(m.value) FILTER (WHERE m.instrument = 'sleep_nrs' AND m.timepoint = 'post') AS sleep_post,
				avg(100 * m.value / r.normal_degrees) FILTER (WHERE m.instrument = 'rom' AND m.timepoint = 'pre') AS rom_pct_pre,
				avg(100 * m.value / r.normal_degrees) FILTER (WHERE m.instrument = 'rom' AND m.timepoint = 'post') AS rom_pct_post
			FROM measurements m
			LEFT JOIN rom_movements r ON r.code = m.rom_movement
			GROUP BY m.session_id
		)
		SELECT s.session_id, s.client_id, s.therapist_id, s.clinic_id, s.session_date,
			date_trunc('month', s.session_date)::DATE AS month,
			s.session_number, s.primary_technique, c.primary_condition,
			sc.pain_pre, sc.pain_post, sc.stress_pre, sc.stress_post, sc.sleep_pre, sc.sleep_post,
			sc.rom_pct_pre, sc.rom_pct_post
		FROM sessions s
		JOIN clients c USING (client_id)
		LEFT JOIN scores sc USING (session_id)
		ORDER BY s.session_date, s.session_id`);
}
