import type { Connector } from './connector';
import { percentOfNormalSql } from '$lib/measures/romPercent';
import { improvementSql } from '$lib/measures/withinSession';
import { quoteLiteral } from './sql';
import { buildParts } from './buildParts';

/** The columns the dashboard filters and groups by, each stored as an ENUM of the values present. */
export const CATEGORY_COLUMNS: readonly CategoryColumn[] = [
	{ column: 'therapist_id', source: 's.therapist_id', from: 'sessions' },
	{ column: 'clinic_id', source: 's.clinic_id', from: 'sessions' },
	{ column: 'primary_technique', source: 's.primary_technique', from: 'sessions' },
	{ column: 'primary_condition', source: 'c.primary_condition', from: 'clients' }
];

/** Where a category column's values come from: the expression cast, and the column and table its values are read from. */
export interface CategoryColumn {
	column: string;
	source: string;
	from: string;
}

/**
 * For each column, `CAST(source AS ENUM(...))` over the values it holds, sorted as text sorts, so that ordering by
 * the column is unchanged; read in one query. An ENUM is stored as a small integer: grouping and filtering by it is
 * much faster than by text.
 */
export async function enumCasts(db: Connector, columns: readonly CategoryColumn[]): Promise<Record<string, string>> {
	const rows = await db.query<{ i: number; value: string }>(
		columns
			.map((c, i) => `SELECT DISTINCT ${i} AS i, CAST(${c.column} AS VARCHAR) AS value FROM ${c.from} WHERE ${c.column} IS NOT NULL`)
			.join(' UNION ALL ') + ' ORDER BY i, value'
	);
	const casts: Record<string, string> = {};
	columns.forEach((c, i) => {
		const values = rows.filter((r) => r.i === i).map((r) => quoteLiteral(r.value));
		casts[c.column] = values.length === 0 ? `CAST(${c.source} AS VARCHAR)` : `CAST(${c.source} AS ENUM(${values.join(', ')}))`;
	});
	return casts;
}

/**
 * One row per session with its client's condition and the session's scores side by side: the table every
 * dashboard query reads. Range of motion is the mean over the movements and sides measured, as % of normal; its
 * within-session change is the mean over movement-and-side pairs measured both before and after.
 *
 * The therapist, clinic, technique and condition are ENUMs, and `client_key` numbers the clients 1, 2, ... in
 * client_id order: the dashboard's queries group by these on every filter change, and integers group several
 * times faster than text.
 *
 * Stored in order of visit date. A dataset larger than a part (buildParts.ts) is built in parts of consecutive
 * dates, appended in order, so that ten million sessions fit in the page's database; each part reads only its own
 * sessions' scores.
 */
export async function buildSessionFacts(db: Connector, perPart?: number): Promise<void> {
	const casts = await enumCasts(db, CATEGORY_COLUMNS);
	const parts = await buildParts(db, 'sessions', perPart);
	// Clients numbered once for every part: those with sessions, in client_id order.
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE fact_client_keys AS
		 SELECT client_id, CAST(row_number() OVER (ORDER BY client_id) AS INTEGER) AS client_key
		 FROM clients WHERE client_id IN (SELECT client_id FROM sessions)`
	);
	try {
		for (const [i, part] of parts.entries()) {
			const own = part === null ? '' : `WHERE ${part}`;
			// A part's scores: those of its own sessions.
			const scoresOf = part === null ? 'measurements' : `(SELECT m.* FROM measurements m SEMI JOIN (SELECT session_id FROM sessions ${own}) p ON p.session_id = m.session_id)`;
			await db.exec(`${i === 0 ? 'CREATE OR REPLACE TABLE session_facts AS' : 'INSERT INTO session_facts'}
		WITH scores AS (
			-- Self-reports: one score per session, instrument and timepoint, grouped in one pass.
			SELECT session_id,
				avg(value) FILTER (WHERE instrument = 'pain_nrs' AND timepoint = 'pre') AS pain_pre,
				avg(value) FILTER (WHERE instrument = 'pain_nrs' AND timepoint = 'post') AS pain_post,
				avg(value) FILTER (WHERE instrument = 'stress_nrs' AND timepoint = 'pre') AS stress_pre,
				avg(value) FILTER (WHERE instrument = 'stress_nrs' AND timepoint = 'post') AS stress_post,
				avg(value) FILTER (WHERE instrument = 'sleep_nrs' AND timepoint = 'pre') AS sleep_pre,
				avg(value) FILTER (WHERE instrument = 'sleep_nrs' AND timepoint = 'post') AS sleep_post
			FROM ${scoresOf}
			WHERE instrument <> 'rom'
			GROUP BY session_id
		),
		pairs AS (
			-- Range of motion: one row per session, movement and side, with its before and after degrees.
			SELECT session_id, rom_movement,
				avg(value) FILTER (WHERE timepoint = 'pre') AS pre,
				avg(value) FILTER (WHERE timepoint = 'post') AS post
			FROM ${scoresOf}
			WHERE instrument = 'rom'
			GROUP BY session_id, rom_movement, side
		),
		rom AS (
			SELECT p.session_id,
				avg(${percentOfNormalSql('p.pre', 'r.normal_degrees')}) AS rom_pct_pre,
				avg(${percentOfNormalSql('p.post', 'r.normal_degrees')}) AS rom_pct_post,
				-- avg skips the pairs with one side missing.
				avg(${percentOfNormalSql(improvementSql('higher', 'p.pre', 'p.post'), 'r.normal_degrees')}) AS rom_pct_change
			FROM pairs p
			LEFT JOIN rom_movements r ON r.code = p.rom_movement
			GROUP BY p.session_id
		)
		SELECT s.session_id, s.client_id, k.client_key,
			${casts.therapist_id} AS therapist_id, ${casts.clinic_id} AS clinic_id, s.session_date,
			date_trunc('month', s.session_date)::DATE AS month,
			s.session_number, ${casts.primary_technique} AS primary_technique, ${casts.primary_condition} AS primary_condition,
			sc.pain_pre, sc.pain_post, sc.stress_pre, sc.stress_post, sc.sleep_pre, sc.sleep_post,
			ro.rom_pct_pre, ro.rom_pct_post, ro.rom_pct_change
		FROM (SELECT * FROM sessions ${own}) s
		JOIN clients c USING (client_id)
		JOIN fact_client_keys k USING (client_id)
		LEFT JOIN scores sc USING (session_id)
		LEFT JOIN rom ro USING (session_id)
		ORDER BY s.session_date, s.session_id`);
		}
	} finally {
		await db.exec('DROP TABLE IF EXISTS fact_client_keys');
	}
}
