import type { Connector } from './connector';

/**
 * One row per session with its client's condition and the session's scores side by side: the table every
 * dashboard query reads. Range of motion is the mean over the movements and sides measured, as % of normal; its
 * within-session change is the mean over movement-and-side pairs measured both before and after.
 */
export async function buildSessionFacts(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE session_facts AS
		WITH pairs AS (
			-- One row per session, instrument, movement and side, with its before and after scores.
			SELECT session_id, instrument, rom_movement,
				avg(value) FILTER (WHERE timepoint = 'pre') AS pre,
				avg(value) FILTER (WHERE timepoint = 'post') AS post
			FROM measurements
			GROUP BY session_id, instrument, rom_movement, side
		),
		scores AS (
			SELECT p.session_id,
				avg(p.pre) FILTER (WHERE p.instrument = 'pain_nrs') AS pain_pre,
				avg(p.post) FILTER (WHERE p.instrument = 'pain_nrs') AS pain_post,
				avg(p.pre) FILTER (WHERE p.instrument = 'stress_nrs') AS stress_pre,
				avg(p.post) FILTER (WHERE p.instrument = 'stress_nrs') AS stress_post,
				avg(p.pre) FILTER (WHERE p.instrument = 'sleep_nrs') AS sleep_pre,
				avg(p.post) FILTER (WHERE p.instrument = 'sleep_nrs') AS sleep_post,
				avg(100 * p.pre / r.normal_degrees) FILTER (WHERE p.instrument = 'rom') AS rom_pct_pre,
				avg(100 * p.post / r.normal_degrees) FILTER (WHERE p.instrument = 'rom') AS rom_pct_post,
				-- avg skips the pairs with one side missing.
				avg(100 * (p.post - p.pre) / r.normal_degrees) FILTER (WHERE p.instrument = 'rom') AS rom_pct_change
			FROM pairs p
			LEFT JOIN rom_movements r ON r.code = p.rom_movement
			GROUP BY p.session_id
		)
		SELECT s.session_id, s.client_id, s.therapist_id, s.clinic_id, s.session_date,
			date_trunc('month', s.session_date)::DATE AS month,
			s.session_number, s.primary_technique, c.primary_condition,
			sc.pain_pre, sc.pain_post, sc.stress_pre, sc.stress_post, sc.sleep_pre, sc.sleep_post,
			sc.rom_pct_pre, sc.rom_pct_post, sc.rom_pct_change
		FROM sessions s
		JOIN clients c USING (client_id)
		LEFT JOIN scores sc USING (session_id)
		ORDER BY s.session_date, s.session_id`);
}
