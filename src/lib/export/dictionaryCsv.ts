import { toCsv } from '$lib/download/csvText';
import { INSTRUMENTS } from '$lib/domain/instruments';
import { STATISTICS } from '$lib/domain/statistics';
import { COHORT_DEFINITIONS, MEASURE_DEFINITIONS, thresholdTolerance } from '$lib/measures';
import { dataDictionary } from '$lib/schema';
import { CONDITION_GROUPS } from '$lib/domain/conditionGroups';
import { EXPORT_COLUMNS, type ExportColumn } from './exportRows';
import { TWENTY_YEAR_BANDS, recodedValuesText } from './hierarchies';
import { RESULT_COLUMNS, RESULT_COLUMN_TEXT, RESULT_STATISTICS } from './researchResults';

const COLUMNS = ['section', 'name', 'type', 'description', 'allowed_values', 'source'].map((name) => ({ name }));

/**
 * The bundle's data dictionary as CSV text: the exported columns first (with the values a recoded column can
 * hold), then results.csv's columns and statistics, the recoded values (20-year age bands, condition groups), the canonical tables the columns come from,
 * the instruments, the measures and cohorts of the semantic layer, and the statistics the dashboard shows. One row
 * per variable or term.
 */
export function dictionaryCsv(exported: readonly ExportColumn[] = EXPORT_COLUMNS): string {
	const recoded = recodedValuesText();
	const twentyYear = new Map<string, string[]>();
	for (const [band, twenty] of TWENTY_YEAR_BANDS) twentyYear.set(twenty, [...(twentyYear.get(twenty) ?? []), band]);
	const rows: (string | null)[][] = [
		...exported.map((c) => [
			'data.csv',
			c.name,
			c.numeric ? (c.type === 'INT32' ? 'INTEGER' : 'DOUBLE') : 'VARCHAR',
			c.description,
			recoded[c.name] ?? (c.name === 'days_since_first_visit' ? '0, 1, 2, ... (whole days)' : null),
			null
		]),
		...RESULT_COLUMNS.map((name) => ['results.csv', name, name === 'value' ? 'DOUBLE' : 'VARCHAR', RESULT_COLUMN_TEXT[name], null, null]),
		...Object.entries(RESULT_STATISTICS).map(([name, text]) => ['results statistic', name, null, text, null, null]),
		...[...twentyYear].map(([band, bands]) => ['age band (recoded)', band, null, `20-year band: ${bands.join(', ')}`, null, null]),
		...Object.entries(CONDITION_GROUPS).map(([code, g]) => ['condition group (recoded)', code, null, g.label, g.conditions.join(' | '), null]),
		...dataDictionary().flatMap((table) =>
			table.columns.map((c) => [`table ${table.name}`, c.name, c.sqlType, c.description, c.allowed?.join(' | ') ?? null, null])
		),
		...INSTRUMENTS.map((i) => [
			'instrument',
			i.code,
			null,
			`${i.label}: ${i.min}-${i.max} ${i.unit}, ${i.better} is better${i.mcid_points === null ? '' : `; MCID ${i.mcid_points} ${i.unit}`}; recorded to ${i.resolution} ${i.unit}, thresholds compared within ${thresholdTolerance(i)}`,
			null,
			i.source
		]),
		...MEASURE_DEFINITIONS.map((m) => [
			'measure',
			m.key,
			null,
			`${m.name} (${m.weighting}; ${m.unit}; ${m.direction}): ${m.meaning} Formula: ${m.formula}. SQL: ${m.sql}`,
			null,
			m.source
		]),
		...COHORT_DEFINITIONS.map((c) => ['cohort', c.key, null, `${c.name}: ${c.meaning} SQL: ${c.sql}`, null, null]),
		...STATISTICS.map((s) => ['statistic', s.key, null, `${s.name}: ${s.meaning} Formula: ${s.formula}`, null, s.source])
	];
	return toCsv(COLUMNS, rows);
}
