import { sharedK } from '$lib/disclosure';
import type { Connector } from '$lib/db';
import { filterWhere, type OutcomeFilter } from '$lib/queries';
import type { ClientGroupRow } from './kAnonymity';
import { chooseRecoding, recodedValues, type ChosenRecoding } from './recoding';

/** A column of the tidy export: its name, whether it holds numbers, and what it means (for the dictionary). */
export interface ExportColumn {
	name: string;
	numeric: boolean;
	/** Parquet type: text, whole number or real number. */
	type: 'STRING' | 'INT32' | 'DOUBLE';
	description: string;
}

/**
 * The tidy long format: one row per score. No dates or months: the time of a session is its day offset from the
 * client's first session in the export, and the first session's period (quarter or year, as recoded). No therapist
 * ids (the clinic only: per-therapist data are the therapist's personal information, and a therapist with few
 * clients would be identifiable).
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
	{ name: 'session_id', numeric: false, type: 'STRING', description: 'Pseudonymous session id' },
	{ name: 'client_id', numeric: false, type: 'STRING', description: 'Pseudonymous client id' },
	{ name: 'session_number', numeric: true, type: 'INT32', description: "1 for the client's first session of the course, then 2, 3..." },
	{
		name: 'days_since_first_visit',
		numeric: true,
		type: 'INT32',
		description: "Days from the client's first session in this export to this session: 0 for the first (dates and months are never exported)"
	},
	{ name: 'technique', numeric: false, type: 'STRING', description: 'Primary technique code of the session' },
	{
		name: 'first_visit',
		numeric: false,
		type: 'STRING',
		description: "Period of the client's first session in this export: a quarter (2025-Q1), a year (2025) or all, as recoded for k-anonymity (see README.txt)"
	},
	{ name: 'condition', numeric: false, type: 'STRING', description: "The client's primary condition: its code, its condition group or all, as recoded for k-anonymity" },
	{ name: 'age_band', numeric: false, type: 'STRING', description: 'Age band: 10-year (80+ top-coded), 20-year (60+ top-coded) or all, as recoded for k-anonymity' },
	{ name: 'sex', numeric: false, type: 'STRING', description: 'Sex of the client as recorded, or all when recoded for k-anonymity' },
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
	 * Whether the clinic column is exported. It is then a quasi-identifier too, kept exact, so the other
	 * quasi-identifiers are coarsened more or more clients are left out.
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
	return options.includeClinic ? 'age band, sex, condition, first visit and clinic' : 'age band, sex, condition and first visit';
}

/** Why the therapist filter is dropped from every export, for the page and the bundle's README. */
export const THERAPIST_FILTER_TEXT =
	"The therapist filter is not applied to exports: a file holding one therapist's clients would be that therapist's caseload.";

/** The overview's filter as an export applies it: every filter but the therapist's. */
export function exportFilter(filter: OutcomeFilter): OutcomeFilter {
	return { ...filter, therapists: [] };
}

/** What the recoding chose and what it cost: the clients and rows kept and left out, and the information lost. */
export type ExportPrivacy = Omit<ChosenRecoding, 'kept' | 'hierarchies'>;

/** The rows an export holds, in `columns` order, and what was coarsened and left out for privacy. */
export interface ExportData {
	columns: readonly ExportColumn[];
	options: ExportOptions;
	rows: ExportCell[][];
	privacy: ExportPrivacy;
	/** The filter applied: the overview's, without the therapist filter. */
	filter: OutcomeFilter;
	k: number;
}

/**
 * The filtered sessions that have scores, each with the client's days since their first such session and the
 * quarter of that session. Days come from the import's day offsets when every session of the client has one (dates
 * kept as months), otherwise from the dates.
 */
function sessionsSql(filter: OutcomeFilter) {
	const where = filterWhere(exportFilter(filter));
	const sql = `WITH f AS (SELECT session_id FROM session_facts ${where.sql}),
		e AS (
			SELECT s.session_id, s.client_id, s.session_number, s.session_date, s.day_offset, s.primary_technique, s.clinic_id
			FROM f JOIN sessions s USING (session_id)
			WHERE EXISTS (SELECT 1 FROM measurements m WHERE m.session_id = s.session_id)
		),
		t AS (
			SELECT e.*,
				(CASE WHEN count(day_offset) OVER w = count(*) OVER w THEN day_offset - min(day_offset) OVER w
					ELSE date_diff('day', min(session_date) OVER w, session_date) END)::INTEGER AS days_since_first_visit,
				strftime(min(session_date) OVER w, '%Y') || '-Q' || quarter(min(session_date) OVER w) AS first_visit
			FROM e
			WINDOW w AS (PARTITION BY client_id)
		)`;
	return { sql, params: where.params };
}

/** Each client's stored quasi-identifiers per clinic (one group per client when the clinic is not exported). */
async function clientGroups(db: Connector, filter: OutcomeFilter, options: ExportOptions): Promise<ClientGroupRow[]> {
	const clinic = options.includeClinic ? 't.clinic_id' : 'NULL::VARCHAR AS clinic_id';
	const { sql, params } = sessionsSql(filter);
	return db.query<ClientGroupRow & Record<string, unknown>>(
		`${sql}
		SELECT t.client_id, c.age_band, c.sex, c.primary_condition, t.first_visit, ${clinic}, count(*)::INTEGER AS rows
		FROM t JOIN clients c USING (client_id) JOIN measurements m USING (session_id)
		GROUP BY ALL ORDER BY ALL`,
		params
	);
}

/**
 * The recoding the filter's export uses at this k, which clients it keeps and what it leaves out. The therapist
 * filter is dropped (THERAPIST_FILTER_TEXT); k must be one that may leave the browser.
 */
export async function exportPrivacy(db: Connector, filter: OutcomeFilter, k: number, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<ChosenRecoding> {
	const shared = sharedK(k);
	return chooseRecoding(await clientGroups(db, filter, options), shared);
}

/** The filtered data as tidy rows, recoded and with the clients left out whose combination fewer than k share. */
export async function exportRows(db: Connector, filter: OutcomeFilter, k: number, options: ExportOptions = DEFAULT_EXPORT_OPTIONS): Promise<ExportData> {
	const { kept, hierarchies, ...privacy } = await exportPrivacy(db, filter, k, options);
	const columns = exportColumns(options);
	const { sql, params } = sessionsSql(filter);
	const result = await db.query(
		`${sql}
		SELECT t.session_id, t.client_id, t.session_number, t.days_since_first_visit, t.primary_technique AS technique, t.first_visit,
			c.primary_condition, c.age_band, c.sex, t.clinic_id, m.instrument, m.timepoint, m.value::DOUBLE AS value, m.rom_movement, m.side
		FROM t JOIN clients c USING (client_id) JOIN measurements m USING (session_id)
		ORDER BY t.client_id, t.days_since_first_visit, t.session_number, t.session_id, m.instrument, m.timepoint DESC, m.rom_movement, m.side`,
		params
	);
	const rows = result
		.filter((row) => kept.has(row.client_id as string))
		.map((row) => {
			const recoded: Record<string, unknown> = { ...row, ...recodedValues(row as unknown as ClientGroupRow, privacy.recoding, hierarchies) };
			return columns.map((c) => recoded[c.name] as ExportCell);
		});
	return { columns, options, rows, privacy, filter: exportFilter(filter), k };
}
