import type { Connector } from '$lib/db/connector';
import { createTextTable } from '$lib/db/insertTextRows';
import { quoteIdentifier, quoteLiteral } from '$lib/db/sql';
import { PSEUDONYMOUS_ID_PATTERN, pseudonymousIdMessage } from '$lib/schema/ids';
import { IDENTIFIER_PATTERNS } from '../identifierPatterns';
import { checkLongMeasurement, fieldSpec, layoutFields, requiredIn, type FieldSpec } from '../fieldSpecs';
import { LONG_MEASURE_FIELDS, SESSION_FIELDS, type FieldSource, type ImportMapping } from '../importFields';
import { detectDateFormat } from '../parse/date';
import { detectDecimalMark } from '../parse/number';
import { RAW_TABLE, type StagedFile } from '../stage/stagedFile';
import { PROBLEMS_SHOWN, type ImportCheck, type ImportProblem, type MappingProblems } from './importCheck';
import type { ImportOptions } from './importOptions';
import { readValue, type ReadSettings } from './readValue';

/** The checked rows: every field's canonical value, its error and the cell as written, plus the session key. */
export const CHECKED_TABLE = 'import_checked';
/** Every problem found, one row per problem. */
export const PROBLEMS_TABLE = 'import_problems';
/** The rows that pass (a view), ready to become canonical rows. */
export const ACCEPTED_TABLE = 'import_accepted';

const LOOKUP_TABLE = 'import_lookup';

/** The dataset the rows would join. */
export interface DatasetContext {
	/** Whether the canonical tables already hold sessions (an append): those count as seen. */
	existingSessions: boolean;
	/** The dataset's secret salt for made-up session keys; kept with the dataset, never exported. */
	keySalt: string;
}

/**
 * Identifiers that a pseudonymous code's letters, digits and hyphens would let through: every value of an id
 * column is checked against them (the header and sample scan only sees the first rows). JS patterns as RE2 text.
 */
const ID_LOOKALIKES = IDENTIFIER_PATTERNS.filter((p) => p.value && ['health_card', 'phone', 'postal_code'].includes(p.kind)).map((p) => ({
	pattern: `${p.value!.flags.includes('i') ? '(?i)' : ''}${p.value!.source}`,
	what: { health_card: 'health card number', phone: 'phone number', postal_code: 'postal code' }[p.kind as 'health_card' | 'phone' | 'postal_code'],
	reason: p.reason
}));

function idAdvice(key: string): string {
	return key === 'client_id' ? 'turn on “Replace client IDs with pseudonyms”' : 'replace these ids with pseudonymous codes at the source';
}

/** A field as the SQL sees it: where its value, error and raw cell come from. */
interface FieldSql {
	spec: FieldSpec;
	header: string | null;
	value: string;
	/** Why a row's cell is refused; null when no cell of the column can be (an optional field whose values all pass). */
	error: string | null;
	/** The cell as written, kept only when some value of the column is refused (a blank one is NULL anyway). */
	raw: string | null;
	join?: string;
}

/** Up to this many values are written into the query as CASE branches; more are joined from a table. */
const INLINE_VALUES = 32;

/**
 * A column's verdicts as SQL: the values that read as something else (a mapped code, a reformatted date) and the
 * values refused. Values that read as themselves need nothing, so a clean column costs no join at all.
 */
function verdictSql(
	spec: FieldSpec,
	column: string,
	alias: string,
	changed: [string, string][],
	refused: [string, string][],
	lookups: (string | null)[][]
): Pick<FieldSql, 'value' | 'error' | 'raw' | 'join'> {
	const c = cell(column);
	const blank = spec.required ? `WHEN ${c} IS NULL THEN ${quoteLiteral(`${spec.label} is blank; every row needs one`)} ` : '';
	const raw = refused.length > 0 ? c : null;
	if (changed.length + refused.length <= INLINE_VALUES) {
		const value = changed.length === 0 ? c : `CASE ${c} ${changed.map(([r, v]) => `WHEN ${quoteLiteral(r)} THEN ${quoteLiteral(v)}`).join(' ')} ELSE ${c} END`;
		const refusals = refused.map(([r, e]) => `WHEN ${c} = ${quoteLiteral(r)} THEN ${quoteLiteral(e)} `).join('');
		const error = blank || refusals ? `CASE ${blank}${refusals}END` : null;
		return { value, error, raw };
	}
	for (const [r, v] of changed) lookups.push([spec.key, r, v, null]);
	for (const [r, e] of refused) lookups.push([spec.key, r, null, e]);
	return {
		value: changed.length === 0 ? c : `coalesce(${alias}.value, ${c})`,
		error: blank ? `CASE ${blank}ELSE ${alias}.error END` : `${alias}.error`,
		raw,
		join: `LEFT JOIN ${LOOKUP_TABLE} ${alias} ON ${alias}.field = ${quoteLiteral(spec.key)} AND ${alias}.raw = ${c}`
	};
}

/** A staged cell: already trimmed, NULL when blank (see stageCsv). */
function cell(column: string): string {
	return `r.${quoteIdentifier(column)}`;
}

/** What stops the mapping from being checked: required fields unmapped, unknown or dropped columns, bad fixed values. */
export function mappingProblems(staged: StagedFile, mapping: ImportMapping, options: ImportOptions): string[] {
	const problems: string[] = [];
	const fields = layoutFields(mapping.layout);
	for (const spec of fields) {
		const source = mapping.fields[spec.key];
		if (!source && spec.key === 'session_date' && requiredIn(spec, mapping)) {
			problems.push(`Choose the column that holds ${spec.label}, or the one that holds ${fieldSpec('day_offset')!.label} (or give one date for every row).`);
		} else if (!source && requiredIn(spec, mapping)) problems.push(`Choose the column that holds ${spec.label} (or give one value for every row).`);
		if (source && 'column' in source) {
			if (!staged.headers.includes(source.column)) problems.push(`${spec.label}: the file has no column “${source.column}”.`);
			else if (options.droppedColumns.includes(source.column)) problems.push(`${spec.label}: the column “${source.column}” was dropped.`);
			else if (staged.flaggedIdentifiers[source.column] !== undefined) problems.push(`${spec.label}: “${source.column}” identifies people and cannot be loaded.`);
		}
		if (source && 'constant' in source && spec.kind !== 'id') {
			const read = readValue(spec, source.constant, constantSettings(mapping));
			if ('error' in read) problems.push(`${spec.label}: the value for every row, “${source.constant}”, is not valid: ${read.error}.`);
		}
		if (source && 'constant' in source && spec.kind === 'id' && !new RegExp(PSEUDONYMOUS_ID_PATTERN).test(source.constant)) {
			problems.push(`${spec.label}: ${pseudonymousIdMessage(spec.label)}.`);
		}
	}
	for (const key of Object.keys(mapping.fields)) {
		if (!fields.some((f) => f.key === key)) problems.push(`“${key}” is not a field of the ${mapping.layout} layout.`);
	}
	const used = new Map<string, string>();
	for (const [key, source] of Object.entries(mapping.fields)) {
		if (!('column' in source)) continue;
		const other = used.get(source.column);
		const spec = fieldSpec(key);
		if (other && spec) {
			problems.push(`“${source.column}” is mapped to both ${fieldSpec(other)?.label ?? other} and ${spec.label}.`);
		}
		used.set(source.column, key);
	}
	if (mapping.layout === 'wide' && !fields.some((f) => f.kind === 'score' && mapping.fields[f.key])) {
		problems.push('Choose at least one score column (for example Pain (0-10), before the session).');
	}
	return problems;
}

function constantSettings(mapping: ImportMapping): ReadSettings {
	return {
		dateFormat: mapping.dateFormat === 'auto' ? 'YYYY-MM-DD' : mapping.dateFormat,
		decimalMark: mapping.decimalMark === 'auto' ? 'point' : mapping.decimalMark,
		values: {}
	};
}

async function distinctValues(db: Connector, column: string): Promise<string[]> {
	const rows = await db.query<{ v: string }>(
		`SELECT DISTINCT ${cell(column)} AS v FROM ${RAW_TABLE} r WHERE ${cell(column)} IS NOT NULL ORDER BY v`
	);
	return rows.map((r) => r.v);
}

async function sampleValues(db: Connector, columns: string[], limit = 5000): Promise<string[]> {
	const values: string[] = [];
	for (const column of columns) {
		const rows = await db.query<{ v: string }>(
			`SELECT DISTINCT ${cell(column)} AS v FROM ${RAW_TABLE} r WHERE ${cell(column)} IS NOT NULL LIMIT ${limit}`
		);
		values.push(...rows.map((r) => r.v));
	}
	return values;
}

function columnOf(staged: StagedFile, source: FieldSource | undefined): string | null {
	if (!source || !('column' in source)) return null;
	const i = staged.headers.indexOf(source.column);
	return i < 0 ? null : staged.columns[i];
}

/**
 * Checks a mapped file against the canonical schema without importing anything: every distinct value of every
 * mapped column is read and checked by its field's zod schema once, then SQL applies the verdicts to all rows,
 * finds empty rows, duplicate sessions and (long layout) scores outside their instrument's range, and counts.
 * Leaves CHECKED_TABLE, PROBLEMS_TABLE and ACCEPTED_TABLE for the import itself.
 */
export async function checkImport(
	db: Connector,
	staged: StagedFile,
	mapping: ImportMapping,
	options: ImportOptions,
	dataset: DatasetContext
): Promise<ImportCheck | MappingProblems> {
	const problems = mappingProblems(staged, mapping, options);
	if (problems.length > 0) return { mappingProblems: problems };

	// The visit date is required only when no days since the first visit stand in for it.
	const fields = layoutFields(mapping.layout).map((f) => ({ ...f, required: requiredIn(f, mapping) }));
	const mapped = fields.filter((f) => mapping.fields[f.key]);
	const columnsOfKind = (kinds: FieldSpec['kind'][]) =>
		mapped.filter((f) => kinds.includes(f.kind)).map((f) => columnOf(staged, mapping.fields[f.key])).filter((c): c is string => c !== null);
	const dateFormat = mapping.dateFormat === 'auto' ? detectDateFormat(await sampleValues(db, columnsOfKind(['date']))) : mapping.dateFormat;
	const decimalMark =
		mapping.decimalMark === 'auto' ? detectDecimalMark(await sampleValues(db, columnsOfKind(['number', 'score', 'integer']))) : mapping.decimalMark;

	const lookups: (string | null)[][] = [];
	const idTables: string[] = [];
	let pseudonymKey: Map<string, string> | null = null;
	const sql: FieldSql[] = [];
	for (const spec of fields) {
		const source = mapping.fields[spec.key];
		const column = columnOf(staged, source);
		const settings: ReadSettings = { dateFormat, decimalMark, values: mapping.values[spec.key] ?? {} };
		if (!source || column === null) {
			// A score column nobody mapped has nothing to carry: leaving it out keeps the checked table narrow.
			if (spec.kind === 'score') continue;
			const constant = source && 'constant' in source ? source.constant : spec.fallback;
			const value =
				constant === undefined
					? 'NULL::VARCHAR'
					: quoteLiteral(spec.kind === 'id' ? constant : (readValue(spec, constant, settings) as { value: string }).value);
			sql.push({ spec, header: null, value, error: null, raw: null });
			continue;
		}
		const header = source && 'column' in source ? source.column : null;
		const blank = spec.required ? quoteLiteral(`${spec.label} is blank; every row needs one`) : 'NULL';
		if (spec.kind === 'id' && !(spec.key === 'client_id' && options.pseudonymiseClients)) {
			// Checked once per distinct id in SQL (ids can be as many as the rows), then joined like the other lookups.
			const table = `import_ids_${sql.length}`;
			const v = quoteIdentifier('v');
			const identifying = ID_LOOKALIKES.map(
				(p) => `WHEN regexp_full_match(${v}, ${quoteLiteral(p.pattern)}) THEN ${quoteLiteral(`${spec.label} looks like a ${p.what}: ${p.reason}; ${idAdvice(spec.key)}`)}`
			);
			await db.exec(
				`CREATE OR REPLACE TEMP TABLE ${table} AS
				 SELECT ${v} AS raw, CASE ${identifying.join(' ')}
					WHEN NOT regexp_full_match(${v}, ${quoteLiteral(PSEUDONYMOUS_ID_PATTERN)}) THEN ${quoteLiteral(pseudonymousIdMessage(spec.label))} END AS error
				 FROM (SELECT DISTINCT ${cell(column)} AS ${v} FROM ${RAW_TABLE} r WHERE ${cell(column)} IS NOT NULL)`
			);
			idTables.push(table);
			const refused = await db.query<{ raw: string; error: string }>(
				`SELECT raw, error FROM ${table} WHERE error IS NOT NULL ORDER BY raw LIMIT ${INLINE_VALUES + 1}`
			);
			if (refused.length <= INLINE_VALUES) {
				sql.push({ spec, header, ...verdictSql(spec, column, `l${sql.length}`, [], refused.map((r) => [r.raw, r.error]), lookups) });
			} else {
				const alias = `l${sql.length}`;
				sql.push({
					spec,
					header,
					value: cell(column),
					error: `CASE WHEN ${cell(column)} IS NULL THEN ${blank} ELSE ${alias}.error END`,
					raw: cell(column),
					join: `LEFT JOIN (SELECT raw, error FROM ${table} WHERE error IS NOT NULL) ${alias} ON ${alias}.raw = ${cell(column)}`
				});
			}
			continue;
		}
		if (spec.kind === 'id') {
			// Pseudonyms: a keyed hash of the original id with the dataset's secret salt. The same client gets the same
			// pseudonym in every import to this dataset (so additions are matched), and without the salt, which never
			// leaves this browser, a pseudonym cannot be traced back by trying ids.
			const pseudonym = (v: string) => `('P' || translate(substr(to_base64(unhex(sha256(${quoteLiteral(dataset.keySalt)} || '|' || ${v}))), 1, 11), '+/', '-_'))`;
			const table = `import_ids_${sql.length}`;
			await db.exec(
				`CREATE OR REPLACE TEMP TABLE ${table} AS
				 SELECT original, ${pseudonym('original')} AS pseudonym
				 FROM (SELECT DISTINCT ${cell(column)} AS original FROM ${RAW_TABLE} r WHERE ${cell(column)} IS NOT NULL)`
			);
			idTables.push(table);
			const pairs = await db.query<{ original: string; pseudonym: string }>(`SELECT original, pseudonym FROM ${table} ORDER BY original`);
			pseudonymKey = new Map(pairs.map((p) => [p.original, p.pseudonym]));
			const alias = `l${sql.length}`;
			sql.push({
				spec,
				header,
				value: `${alias}.pseudonym`,
				error: `CASE WHEN ${cell(column)} IS NULL THEN ${blank} END`,
				raw: null,
				join: `LEFT JOIN ${table} ${alias} ON ${alias}.original = ${cell(column)}`
			});
			continue;
		}
		const changed: [string, string][] = [];
		const refused: [string, string][] = [];
		for (const raw of await distinctValues(db, column)) {
			const read = readValue(spec, raw, settings);
			if ('error' in read) refused.push([raw, read.error]);
			else if (read.value !== raw) changed.push([raw, read.value]);
		}
		sql.push({ spec, header, ...verdictSql(spec, column, `l${sql.length}`, changed, refused, lookups) });
	}
	await createTextTable(db, LOOKUP_TABLE, ['field', 'raw', 'value', 'error'], lookups);
	await createChecked(db, staged, mapping, sql, dataset.keySalt);
	await collectProblems(db, staged, mapping, sql, dataset.existingSessions);
	const check = await summarise(db, staged, mapping, sql);
	await db.exec(`DROP TABLE ${LOOKUP_TABLE}`);
	for (const table of idTables) await db.exec(`DROP TABLE ${table}`);
	return { ...check, dateFormat, decimalMark, pseudonymKey };
}

/**
 * The session key: the file's session id, or one made from client, exact date and session number hashed with the
 * dataset's secret salt. The same visit imported twice gets the same key (so it is found as a duplicate), and the
 * key cannot be turned back into a date by trying every day.
 */
function sessionKey(sql: FieldSql[], salt: string): string {
	const id = sql.find((f) => f.spec.key === 'session_id')!;
	if (id.header !== null) return 'session_id';
	// Days since the first visit time a session when there are no dates; a file without them keeps its old keys.
	const timed = sql.find((f) => f.spec.key === 'day_offset')?.header != null ? ['day_offset'] : [];
	const parts = ['client_id', 'session_date', 'session_number', ...timed].map((k) => `coalesce(${quoteIdentifier(k)}, '')`);
	// 's' and 11 base64url characters of the hash (66 bits): 12 characters, short enough for DuckDB to keep inline.
	const hash = `md5(concat_ws('|', ${quoteLiteral(salt)}, ${parts.join(', ')}))`;
	return `('s' || translate(substr(to_base64(unhex(${hash})), 1, 11), '+/', '-_'))`;
}

function errorColumn(f: FieldSql): string {
	return quoteIdentifier(`${f.spec.key}__error`);
}

function rawColumn(f: FieldSql): string {
	return quoteIdentifier(`${f.spec.key}__raw`);
}

/** The fields whose cells can be refused: they have an error column in the checked table. */
function checkedFields(sql: FieldSql[]): FieldSql[] {
	return sql.filter((f) => f.header !== null && f.error !== null);
}

async function createChecked(db: Connector, staged: StagedFile, mapping: ImportMapping, sql: FieldSql[], salt: string): Promise<void> {
	const select = sql.flatMap((f) => [
		`${f.value} AS ${quoteIdentifier(f.spec.key)}`,
		...(f.header !== null && f.error !== null ? [`${f.error} AS ${errorColumn(f)}`] : []),
		...(f.header !== null && f.raw !== null ? [`${f.raw} AS ${rawColumn(f)}`] : [])
	]);
	const empty = staged.columns.length === 0 ? 'true' : staged.columns.map((c) => `${cell(c)} IS NULL`).join(' AND ');
	const joins = sql.map((f) => f.join).filter(Boolean);
	await db.exec(
		`CREATE OR REPLACE TABLE ${CHECKED_TABLE} AS
		 SELECT *, ${sessionKey(sql, salt)} AS __session FROM (
			SELECT r.__row, (${empty}) AS __empty, ${select.join(', ')}
			FROM ${RAW_TABLE} r ${joins.join(' ')}
		 )`
	);
	if (mapping.layout === 'long') await checkLongScores(db, sql);
}

/** Long layout: each distinct (instrument, timepoint, score, movement, side) is checked by the Measurement schema. */
async function checkLongScores(db: Connector, sql: FieldSql[]): Promise<void> {
	const checked = checkedFields(sql).filter((f) => LONG_MEASURE_FIELDS.includes(f.spec.key as (typeof LONG_MEASURE_FIELDS)[number]));
	const noErrors = ['true', ...checked.map((f) => `${errorColumn(f)} IS NULL`)].join(' AND ');
	const combos = await db.query<{ instrument: string; timepoint: string; value: string; rom_movement: string | null; side: string | null }>(
		`SELECT DISTINCT instrument, timepoint, value, rom_movement, side FROM ${CHECKED_TABLE}
		 WHERE NOT __empty AND ${noErrors} AND value IS NOT NULL AND instrument IS NOT NULL AND timepoint IS NOT NULL`
	);
	const verdicts: (string | null)[][] = [];
	for (const c of combos) {
		const result = checkLongMeasurement({ ...c, value: Number(c.value) });
		if (!result.success) {
			verdicts.push([c.instrument, c.timepoint, c.value, c.rom_movement, c.side, result.error.issues.map((i) => i.message).join('; ')]);
		}
	}
	await createTextTable(db, 'import_score_errors', ['instrument', 'timepoint', 'value', 'rom_movement', 'side', 'error'], verdicts);
	await db.exec(
		`ALTER TABLE ${CHECKED_TABLE} ADD COLUMN __score_error VARCHAR;
		 UPDATE ${CHECKED_TABLE} c SET __score_error = e.error FROM import_score_errors e
		 WHERE c.instrument = e.instrument AND c.timepoint = e.timepoint AND c.value = e.value
		   AND c.rom_movement IS NOT DISTINCT FROM e.rom_movement AND c.side IS NOT DISTINCT FROM e.side;
		 DROP TABLE import_score_errors`
	);
}

/** The score as the file wrote it (long layout), or as given for every row. */
function rawValue(sql: FieldSql[]): string {
	const value = sql.find((f) => f.spec.key === 'value');
	return value && value.header !== null && value.raw !== null ? rawColumn(value) : 'value';
}

/** A session's own fields: every row of one session must agree on them (client fields may differ over time). */
const SESSION_ATTRIBUTES = SESSION_FIELDS.filter((f) => !['session_id', 'age_band', 'sex', 'primary_condition'].includes(f));

async function collectProblems(db: Connector, staged: StagedFile, mapping: ImportMapping, sql: FieldSql[], existingSessions: boolean): Promise<void> {
	const parts = [
		`SELECT __row AS row, NULL AS column, NULL AS value, 'the row is empty' AS reason FROM ${CHECKED_TABLE} WHERE __empty`,
		...checkedFields(sql).map(
			(f) =>
				`SELECT __row, ${quoteLiteral(f.header!)}, ${f.raw === null ? 'NULL' : rawColumn(f)}, ${errorColumn(f)}
				 FROM ${CHECKED_TABLE} WHERE NOT __empty AND ${errorColumn(f)} IS NOT NULL`
		)
	];
	if (mapping.layout === 'long') {
		const header = sql.find((f) => f.spec.key === 'value')?.header ?? 'value';
		parts.push(`SELECT __row, ${quoteLiteral(header)}, ${rawValue(sql)}, __score_error FROM ${CHECKED_TABLE} WHERE NOT __empty AND __score_error IS NOT NULL`);
	}
	await db.exec(`CREATE OR REPLACE TABLE ${PROBLEMS_TABLE} (row INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`);
	await db.exec(`INSERT INTO ${PROBLEMS_TABLE} ${parts.join(' UNION ALL ')}`);
	if (staged.unreadable.length > 0) {
		await createTextTable(
			db,
			'import_unreadable_rows',
			['row', 'text', 'reason'],
			staged.unreadable.map((u) => [String(u.row), u.text, u.reason])
		);
		// The line as written is not shown: it may hold the cells of columns that were dropped as identifying.
		await db.exec(`INSERT INTO ${PROBLEMS_TABLE} SELECT row::INTEGER, NULL, NULL, reason FROM import_unreadable_rows; DROP TABLE import_unreadable_rows`);
	}
	await findDuplicates(db, mapping, sql, existingSessions);
	await db.exec(
		`CREATE OR REPLACE VIEW ${ACCEPTED_TABLE} AS SELECT c.* FROM ${CHECKED_TABLE} c ANTI JOIN ${PROBLEMS_TABLE} p ON p.row = c.__row`
	);
}

/**
 * Duplicates among rows that are otherwise valid: a session is imported once, a score once per session; in the long
 * layout a session's rows must agree on its fields. With an existing dataset, its sessions count as seen before.
 */
async function findDuplicates(db: Connector, mapping: ImportMapping, sql: FieldSql[], existingSessions: boolean): Promise<void> {
	const valid = `SELECT c.* FROM ${CHECKED_TABLE} c ANTI JOIN ${PROBLEMS_TABLE} p ON p.row = c.__row`;
	const idHeader = sql.find((f) => f.spec.key === 'session_id')?.header ?? null;
	const sameSession = quoteLiteral(idHeader ? `the same ${idHeader} as row ` : 'the same client, visit date and session number as row ');
	const what = quoteLiteral(idHeader ?? '(session)');
	// What a person can recognise the session by: its id, or its client and visit date (never the made-up key).
	const shown = idHeader ? '__session' : `concat_ws(' ', client_id, session_date)`;
	if (existingSessions) {
		await db.exec(
			`INSERT INTO ${PROBLEMS_TABLE} SELECT __row, ${what}, ${shown}, 'this session is already in the dataset; it is not imported twice'
			 FROM (${valid}) WHERE __session IN (SELECT session_id FROM sessions)`
		);
	}
	if (mapping.layout === 'wide') {
		await db.exec(
			`INSERT INTO ${PROBLEMS_TABLE} SELECT __row, ${what}, shown, 'duplicate session: ' || ${sameSession} || first_row || '; a session is imported once'
			 FROM (SELECT __row, ${shown} AS shown, min(__row) OVER (PARTITION BY __session) AS first_row FROM (${valid})) WHERE __row <> first_row`
		);
		return;
	}
	const scoreKey = ['__session', 'instrument', 'timepoint', 'rom_movement', 'side'].join(', ');
	const nameOf = (key: string) => {
		const field = sql.find((f) => f.spec.key === key);
		return field?.header ?? field?.spec.label ?? key;
	};
	const differs = SESSION_ATTRIBUTES.map(
		(k) => `CASE WHEN ${quoteIdentifier(k)} IS DISTINCT FROM first_value(${quoteIdentifier(k)}) OVER w THEN ${quoteLiteral(nameOf(k))} END`
	).join(', ');
	await db.exec(
		`INSERT INTO ${PROBLEMS_TABLE}
		 SELECT __row, ${what}, shown, 'does not agree with row ' || first_row || ' of the same session on ' || fields || '; correct one of them'
		 FROM (
			SELECT __row, ${shown} AS shown, first_value(__row) OVER w AS first_row, concat_ws(', ', ${differs}) AS fields
			FROM (${valid}) WINDOW w AS (PARTITION BY __session ORDER BY __row)
		 ) WHERE fields <> '';
		 INSERT INTO ${PROBLEMS_TABLE}
		 SELECT __row, ${quoteLiteral(sql.find((f) => f.spec.key === 'value')?.header ?? 'value')}, raw_value,
			'duplicate score: the same instrument and timepoint as row ' || first_row || ' of the same session'
		 FROM (
			SELECT __row, ${rawValue(sql)} AS raw_value, min(__row) OVER (PARTITION BY ${scoreKey}) AS first_row
			FROM (${valid})
		 ) WHERE __row <> first_row`
	);
}

async function summarise(db: Connector, staged: StagedFile, mapping: ImportMapping, sql: FieldSql[]) {
	const [counts] = await db.query<{ problems: number; rejected: number; accepted: number; sessions: number; clients: number; months: number }>(
		`SELECT (SELECT count(*) FROM ${PROBLEMS_TABLE})::INTEGER AS problems,
			(SELECT count(DISTINCT row) FROM ${PROBLEMS_TABLE})::INTEGER AS rejected,
			(SELECT count(*) FROM ${ACCEPTED_TABLE})::INTEGER AS accepted,
			(SELECT count(DISTINCT __session) FROM ${ACCEPTED_TABLE})::INTEGER AS sessions,
			(SELECT count(DISTINCT client_id) FROM ${ACCEPTED_TABLE})::INTEGER AS clients,
			(SELECT count(DISTINCT __session) FILTER (WHERE length(session_date) = 7) FROM ${ACCEPTED_TABLE})::INTEGER AS months`
	);
	const notes =
		counts.months > 0
			? [
					`${counts.months.toLocaleString('en-CA')} ${counts.months === 1 ? 'visit date holds' : 'visit dates hold'} a month only (such as 2025-03): kept as the first of the month and analysed by month, without days since the client’s first visit.`
				]
			: [];
	const scores = sql.filter((f) => f.spec.kind === 'score' && f.header !== null);
	const [{ measurements }] =
		mapping.layout === 'long'
			? [{ measurements: counts.accepted }]
			: await db.query<{ measurements: number }>(
					`SELECT (${scores.length === 0 ? '0' : scores.map((f) => `count(${quoteIdentifier(f.spec.key)})`).join(' + ')})::INTEGER AS measurements FROM ${ACCEPTED_TABLE}`
				);
	const problems = await db.query<ImportProblem>(
		`SELECT row, "column", value, reason FROM ${PROBLEMS_TABLE} ORDER BY row, "column" NULLS FIRST LIMIT ${PROBLEMS_SHOWN}`
	);
	const rowsRejected = counts.rejected;
	return {
		source: staged.source,
		layout: mapping.layout,
		rowsRead: staged.rowsRead,
		rowsAccepted: staged.rowsRead - rowsRejected,
		rowsRejected,
		sessions: counts.sessions,
		measurements: Number(measurements),
		clients: counts.clients,
		problems,
		problemCount: counts.problems,
		notes
	};
}

/** All problems, for the downloadable report. */
export async function allProblems(db: Connector): Promise<ImportProblem[]> {
	return db.query<ImportProblem>(`SELECT row, "column", value, reason FROM ${PROBLEMS_TABLE} ORDER BY row, "column" NULLS FIRST`);
}
