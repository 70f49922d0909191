import type { Connector } from '$lib/db';
import { createCanonicalTables } from '$lib/db/canonicalTables';
import { createTextTable } from '$lib/db/insertTextRows';
import { loadReferenceTables } from '$lib/db/referenceTables';
import { buildSessionFacts } from '$lib/db/sessionFacts';
import type { ExportData } from './exportRows';

const ROWS_TABLE = 'export_rows';

/**
 * Fills an empty database with the exported rows as a dataset of its own, the way the dashboard holds one:
 * sessions (no date, no therapist: the export has neither; its day offset kept), clients with their quasi-identifiers
 * as exported (recoded), and the scores. The figures computed on it are those of the rows the researcher holds.
 */
export async function loadExportedRows(db: Connector, data: ExportData): Promise<void> {
	const names = data.columns.map((c) => c.name);
	const text = data.rows.map((row) => row.map((cell) => (cell === null ? null : String(cell))));
	await createTextTable(db, ROWS_TABLE, names, text);
	await loadReferenceTables(db);
	await createCanonicalTables(db);
	const clinic = names.includes('clinic_id') ? 'clinic_id' : 'NULL';
	await db.exec(
		`INSERT INTO sessions BY NAME
		 SELECT session_id, any_value(client_id) AS client_id, any_value(${clinic}) AS clinic_id,
			CAST(any_value(session_number) AS INTEGER) AS session_number, any_value(technique) AS primary_technique,
			CAST(any_value(days_since_first_visit) AS INTEGER) AS day_offset
		 FROM ${ROWS_TABLE} GROUP BY session_id ORDER BY session_id`
	);
	await db.exec(
		`INSERT INTO clients BY NAME
		 SELECT client_id, any_value(age_band) AS age_band, any_value(sex) AS sex, any_value(condition) AS primary_condition
		 FROM ${ROWS_TABLE} GROUP BY client_id ORDER BY client_id`
	);
	await db.exec(
		`INSERT INTO measurements BY NAME
		 SELECT session_id, instrument, timepoint, CAST(value AS DOUBLE) AS value, rom_movement, side FROM ${ROWS_TABLE}`
	);
	await db.exec(`DROP TABLE ${ROWS_TABLE}`);
	await buildSessionFacts(db);
}
