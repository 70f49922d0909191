import { sharedK } from '$lib/disclosure';
import type { Connector } from '$lib/db';
import { filterWhere, type OutcomeFilter } from '$lib/queries';
import { kAnonymousClients, type ClientGroupRow, type KAnonymousClients } from './kAnonymity';

/** A column of the tidy export: its name, whether it holds numbers, and what it means (for the dictionary). */
export interface ExportColumn {
	name: string;
	numeric: boolean;
	/** Parquet type: text, whole number or real number. */
	type: 'STRING' | 'INT32' | 'DOUBLE';
	description: string;
}

/**
 * The tidy long format: one row per score. No exact dates (the month only: with a day offset beside it, real
 * dates could be worked back) and no therapist ids (the clinic only: per-therapist data are the therapist's
 * personal information, and a therapist with few clients would be identifiable).
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
	{ name: 'session_id', numeric: false, type: 'STRING', description: 'Pseudonymous session id' },
	{ name: 'client_id', numeric: false, type: 'STRING', description: 'Pseudonymous client id' },
	{ name: 'session_number', numeric: true, type: 'INT32', description: "1 for the client's first session of the course, then 2, 3..." },
	{ name: 'month', numeric: false, type: 'STRING', description: 'Month of the session, YYYY-MM (exact dates are never exported)' },
	{ name: 'technique', numeric: false, type: 'STRING', description: 'Primary technique code of the session' },
	{ name: 'condition', numeric: false, type: 'STRING', description: "The client's primary condition group" },
	{ name: 'age_band', numeric: false, type: 'STRING', description: '10-year age band (80+ top-coded)' },
	{ name: 'sex', numeric: false, type: 'STRING', description: 'Sex of the client' },
	{ name: 'clinic_id', numeric: false, type: 'STRING', description: 'Clinic of the session (therapist ids are not exported)' },
	{ name: 'instrument', numeric: false, type: 'STRING', description: 'Instrument code, e.g. pain_nrs' },
	{ name: 'timepoint', numeric: false, type: 'STRING', description: 'pre or post (before or after the session)' },
	{ name: 'value', numeric: true, type: 'DOUBLE', description: 'The score, in the instrument’s units' },
	{ name: 'rom_movement', numeric: false, type: 'STRING', description: 'For range of motion: the movement measured' },
	{ name: 'side', numeric: false, type: 'STRING', description: 'For range of motion: the side measured' }
];

export type ExportCell = string | number | null;

/** What the person exporting chooses to include. */
export interface ExportOptions {
	/**
	 * Whether the clinic column is exported. It is then a quasi-identifier too, so clients are grouped more finely
	 * and more are left out; without it, k-anonymity is over age band, sex and condition only.
	 */
	includeClinic: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { includeClinic: false };

/** The columns an export with these options holds. */
export function exportColumns(options: ExportOptions): readonly ExportColumn[] {
	return options.includeClinic ? EXPORT_COLUMNS : EXPORT_COLUMNS.filter((c) => c.name !== 'clinic_id');
}

/** The quasi-identifiers k-anonymity is checked over, in words, for the page and the bundle's README. */
export function quasiIdentifierText(options: ExportOptions): string {
	return options.includeClinic ? 'age band, sex, condition and clinic' : 'age band, sex and condition';
}

/** The rows an export holds, in `columns` order, and what was left out for privacy. */
export interface ExportData {
	columns: readonly ExportColumn[];
	options: ExportOptions;
	rows: ExportCell[][];
	/** Clients and rows kept and left out by k-anonymity. */
	privacy: Omit<KAnonymousClients, 'kept'>;
	filter: OutcomeFilter;
	k: number;
}

/** The filtered sessions' scores with their client's quasi-identifiers, as SQL and parameters. */
function scoresSql(filter: OutcomeFilter, select: string, tail: string) {
	const where = filterWhere(filter);
	const sql = `WITH f AS (SELECT session_id FROM session_facts ${where.sql})
		SELECT ${select}
		FROM f
		JOIN sessions s USING (session_id)
		JOIN clients c USING (client_id)
		JOIN measurements m USING (session_id)
		${tail}`;
	return { sql, params: where.params };
}

/** Which clients the filter's export may include at this k, and how many clients and rows are left out. */
export async function exportPrivacy(db: Connector, filter: OutcomeFilter, k: number, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<KAnonymousClients> {
	const clinic = options.includeClinic ? 's.clinic_id' : 'NULL::VARCHAR AS clinic_id';
	const { sql, params } = scoresSql(
		filter,
		`s.client_id, c.age_band, c.sex, c.primary_condition, ${clinic}, count(*)::INTEGER AS rows`,
		'GROUP BY ALL'
	);
	return kAnonymousClients(await db.query<ClientGroupRow & Record<string, unknown>>(sql, params), sharedK(k));
}

/** The filtered data as tidy rows, keeping only clients whose quasi-identifiers at least k clients share. */
export async function exportRows(db: Connector, filter: OutcomeFilter, k: number, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<ExportData> {
	const { kept, ...privacy } = await exportPrivacy(db, filter, k, options);
	const columns = exportColumns(options);
	const { sql, params } = scoresSql(
		filter,
		`s.session_id, s.client_id, s.session_number, strftime(s.session_date, '%Y-%m') AS month,
			s.primary_technique AS technique, c.primary_condition AS condition, c.age_band, c.sex, s.clinic_id,
			m.instrument, m.timepoint, m.value::DOUBLE AS value, m.rom_movement, m.side`,
		'ORDER BY s.client_id, s.session_number, s.session_id, m.instrument, m.timepoint DESC, m.rom_movement, m.side'
	);
	const result = await db.query(sql, params);
	const rows = result.filter((row) => kept.has(row.client_id as string)).map((row) => columns.map((c) => row[c.name] as ExportCell));
	return { columns, options, rows, privacy, filter, k };
}
