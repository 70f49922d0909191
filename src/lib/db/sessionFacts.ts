import type { Connector } from './connector';

/**
 * One row per session with its client's condition and the session's scores side by side: the table every
 * dashboard query reads. Range of motion is the mean over the movements and sides measured, as % of normal; its
 * within-session change is the mean over movement-and-side pairs measured both before and after.
 */
export async function buildSessionFacts(db: Connector): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE session_facts AS
		WITH scores AS (
			-- Self-reports: one score per session, instrument and timepoint, grouped in one pass.
			SELECT session_id,
				avg(value) FILTER (WHERE instrument = 'pain_nrs' AND timepoint = 'pre') AS pain_pre,
				avg(value) FILTER (WHERE instrument = 'pain_nrs' AND timepoint = 'post') AS pain_post,
				avg(value) FILTER (WHERE instrument = 'stress_nrs' AND timepoint = 'pre') AS stress_pre,
				avg(value) FILTER (WHERE instrument = 'stress_nrs' AND timepoint = 'post') AS stress_post,
				avg(value) FILTER (WHERE instrument = 'sleep_nrs' AND timepoint = 'pre') AS sleep_pre,
				avg(value) FILTER (WHERE instrument = 'sleep_nrs' AND timepoint = 'post') AS sleep_post
			FROM measurements
			WHERE instrument <> 'rom'
			GROUP BY session_id
		),
		pairs AS (
			-- Range of motion: one row per session, movement and side, with its before and after degrees.
			SELECT session_id, rom_movement,
				avg(value) FILTER (WHERE timepoint = 'pre') AS pre,
				avg(value) FILTER (WHERE timepoint = 'post') AS post
			FROM measurements
			WHERE instrument = 'rom'
			GROUP BY session_id, rom_movement, side
		),
		rom AS (
			SELECT p.session_id,
				avg(100 * p.pre / r.normal_degrees) AS rom_pct_pre,
				avg(100 * p.post / r.normal_degrees) AS rom_pct_post,
				-- avg skips the pairs with one side missing.
				avg(100 * (p.post - p.pre) / r.normal_degrees) AS rom_pct_change
			FROM pairs p
			LEFT JOIN rom_movements r ON r.code = p.rom_movement
			GROUP BY p.session_id
		)
		SELECT s.session_id, s.client_id, s.therapist_id, s.clinic_id, s.session_date,
			date_trunc('month', s.session_date)::DATE AS month,
			s.session_number, s.primary_technique, c.primary_condition,
			sc.pain_pre, sc.pain_post, sc.stress_pre, sc.stress_post, sc.sleep_pre, sc.sleep_post,
			ro.rom_pct_pre, ro.rom_pct_post, ro.rom_pct_change
		FROM sessions s
		JOIN clients c USING (client_id)
		LEFT JOIN scores sc USING (session_id)
		LEFT JOIN rom ro USING (session_id)
		ORDER BY s.session_date, s.session_id`);
}
