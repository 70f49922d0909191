import type { Connector } from '$lib/db/connector';
import { createCanonicalTables } from '$lib/db/canonicalTables';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { layoutFields } from '../fieldSpecs';
import type { ImportMapping } from '../importFields';
import { RAW_TABLE } from '../stage/stagedFile';
import { ACCEPTED_TABLE, CHECKED_TABLE, PROBLEMS_TABLE } from './checkImport';
import type { ImportOptions } from './importOptions';

/** What an import added to the canonical tables. */
export interface ImportCounts {
	sessions: number;
	measurements: number;
	clients: number;
	therapists: number;
}

async function count(db: Connector, table: string): Promise<number> {
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${quoteIdentifier(table)}`);
	return n;
}

/**
 * Turns the accepted rows into canonical rows, next to whatever the tables already hold (an append): sessions
 * (one per session key), scores, new clients (their fields from their earliest session) and new therapists
 * (their clinic from their earliest session). Then forgets the file: its raw cells never stay in the database.
 */
export async function commitImport(db: Connector, mapping: ImportMapping, options: ImportOptions): Promise<ImportCounts> {
	await createCanonicalTables(db);
	const before = {
		sessions: await count(db, 'sessions'),
		measurements: await count(db, 'measurements'),
		clients: await count(db, 'clients'),
		therapists: await count(db, 'therapists')
	};
	const numbered = mapping.fields.session_number !== undefined;
	const offsetGiven = mapping.fields.day_offset !== undefined;
	const earlier = before.sessions === 0 ? '' : ` + coalesce((SELECT max(s.session_number) FROM sessions s WHERE s.client_id = a.client_id), 0)`;
	const sessionNumber = numbered ? 'session_number::INTEGER' : `(row_number() OVER course${earlier})::INTEGER`;
	// A date cell that held a month alone was checked as "YYYY-MM" and is stored as the month's first day.
	const monthOnly = 'length(session_date) = 7';
	const exact = `(CASE WHEN ${monthOnly} THEN session_date || '-01' ELSE session_date END)::DATE`;
	// Days since the client's first session in this import: as the file gives them (a researcher export's days since
	// the first visit), or from the exact dates. None for a client who already has sessions in the dataset (their
	// first visit may be known only by its month), nor for one whose dates are months.
	const known = before.sessions === 0 ? 'false' : 'client_id IN (SELECT client_id FROM sessions)';
	const dayOffset = offsetGiven
		? 'day_offset::INTEGER'
		: `CASE WHEN ${known} OR bool_or(${monthOnly}) OVER (PARTITION BY client_id) THEN NULL ELSE (${exact} - first_value(${exact}) OVER course)::INTEGER END`;
	const date = options.dates === 'month' ? `date_trunc('month', ${exact})::DATE` : exact;
	// Wide: every accepted row is its own session (duplicates were rejected). Long: a session's first row holds its fields.
	const firstOfSession =
		mapping.layout === 'wide'
			? ACCEPTED_TABLE
			: `(SELECT * FROM ${ACCEPTED_TABLE} WHERE __row IN (SELECT min(__row) FROM ${ACCEPTED_TABLE} GROUP BY __session))`;
	// A client's course (session numbers, days since the first visit) is computed over the few columns it needs, so
	// that the window's sort holds four columns a row rather than the file's every column: a large file's commit fits.
	const course = !numbered || !offsetGiven;
	if (course) {
		await db.exec(
			`CREATE OR REPLACE TABLE import_course AS
			 SELECT __row, ${sessionNumber} AS session_number, ${dayOffset} AS day_offset
			 FROM (SELECT __row, client_id, session_date, session_number, day_offset FROM ${firstOfSession}) a
			 WINDOW course AS (PARTITION BY client_id ORDER BY ${exact}, day_offset::INTEGER, __row)`
		);
	}
	await db.exec(
		`CREATE OR REPLACE TABLE import_sessions AS
		 SELECT __session AS session_id, client_id, therapist_id, clinic_id, ${date} AS session_date, ${exact} AS exact_date,
			${course ? 'c.session_number' : sessionNumber} AS session_number, duration_min::INTEGER AS duration_min, primary_technique, other_techniques,
			body_region, pressure, age_band, sex, primary_condition, a.__row AS __row,
			${course ? 'c.day_offset' : dayOffset} AS day_offset${scoreColumns(mapping)}
		 FROM ${firstOfSession} a${course ? ' JOIN import_course c ON c.__row = a.__row' : ''}`
	);
	await db.exec(
		`INSERT INTO sessions BY NAME SELECT session_id, client_id, therapist_id, clinic_id, session_date, session_number, duration_min,
			primary_technique, other_techniques, body_region, pressure, day_offset FROM import_sessions`
	);
	await db.exec(
		`INSERT INTO clients
		 SELECT client_id, first(age_band ORDER BY exact_date, day_offset, __row), first(sex ORDER BY exact_date, day_offset, __row),
			first(primary_condition ORDER BY exact_date, day_offset, __row)
		 FROM import_sessions WHERE client_id NOT IN (SELECT client_id FROM clients) GROUP BY client_id ORDER BY client_id`
	);
	await db.exec(
		`INSERT INTO therapists
		 SELECT therapist_id, first(clinic_id ORDER BY exact_date, __row)
		 FROM import_sessions WHERE therapist_id IS NOT NULL AND therapist_id NOT IN (SELECT therapist_id FROM therapists)
		 GROUP BY therapist_id ORDER BY therapist_id`
	);
	await insertMeasurements(db, mapping);
	await db.exec(
		`DROP TABLE import_sessions; DROP TABLE IF EXISTS import_course; DROP VIEW ${ACCEPTED_TABLE}; DROP TABLE ${CHECKED_TABLE}; DROP TABLE ${PROBLEMS_TABLE}; DROP TABLE ${RAW_TABLE}`
	);
	return {
		sessions: (await count(db, 'sessions')) - before.sessions,
		measurements: (await count(db, 'measurements')) - before.measurements,
		clients: (await count(db, 'clients')) - before.clients,
		therapists: (await count(db, 'therapists')) - before.therapists
	};
}

/** The wide layout's mapped score columns, carried into the session rows so the accepted rows are read once. */
function wideScores(mapping: ImportMapping) {
	return mapping.layout === 'wide' ? layoutFields('wide').filter((f) => f.kind === 'score' && mapping.fields[f.key]) : [];
}

function scoreColumns(mapping: ImportMapping): string {
	return wideScores(mapping)
		.map((f) => `, ${quoteIdentifier(f.key)}`)
		.join('');
}

/** Scores as canonical rows: the long layout's rows, or the wide layout's score columns unpivoted in one scan. */
async function insertMeasurements(db: Connector, mapping: ImportMapping): Promise<void> {
	if (mapping.layout === 'long') {
		await db.exec(`INSERT INTO measurements SELECT __session, instrument, timepoint, value::DOUBLE, rom_movement, side FROM ${ACCEPTED_TABLE}`);
		return;
	}
	const scores = wideScores(mapping);
	if (scores.length === 0) return;
	// From the sessions just made (a wide row is one session). One scan per score column with its instrument, timepoint, movement and side as constants: cheaper than
	// unpivoting and joining the names back.
	const text = (v: string | null) => (v === null ? 'NULL::VARCHAR' : quoteLiteral(v));
	const parts = scores.map((f) => {
		const m = f.measure!;
		const column = quoteIdentifier(f.key);
		return `SELECT session_id, ${text(m.instrument)}, ${text(m.timepoint)}, ${column}::DOUBLE, ${text(m.rom_movement)}, ${text(m.side)}
			FROM import_sessions WHERE ${column} IS NOT NULL`;
	});
	await db.exec(`INSERT INTO measurements ${parts.join(' UNION ALL ')}`);
}
