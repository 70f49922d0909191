import type { MappingPreset } from '../importFields';

/** The columns of the app's own researcher export (data.csv and data.parquet), in order; clinic_id only when chosen. */
export const RESEARCHER_EXPORT_COLUMNS = [
	'session_id',
	'client_id',
	'session_number',
	'days_since_first_visit',
	'technique',
	'first_visit',
	'condition',
	'age_band',
	'sex',
	'clinic_id',
	'instrument',
	'timepoint',
	'value',
	'rom_movement',
	'side'
] as const;

/**
 * The app's own researcher export, one row per score (long layout), as the overview's export writes it: already in
 * the app's codes, with no dates (days since the client's first visit time the sessions) and no therapist ids, and
 * age band, sex and condition possibly recoded (20-year bands, condition groups, `all`) for k-anonymity. The
 * first-visit period is not imported: it is a quarter, a year or `all`, not a date.
 */
export const RESEARCHER_EXPORT_PRESET: MappingPreset = {
	name: 'Researcher export',
	description: 'The researcher export of this app (data.csv, data.parquet or the bundle .zip): recoded, without dates or therapist ids',
	mapping: {
		layout: 'long',
		fields: {
			session_id: { column: 'session_id' },
			client_id: { column: 'client_id' },
			session_number: { column: 'session_number' },
			day_offset: { column: 'days_since_first_visit' },
			primary_technique: { column: 'technique' },
			primary_condition: { column: 'condition' },
			age_band: { column: 'age_band' },
			sex: { column: 'sex' },
			clinic_id: { column: 'clinic_id' },
			instrument: { column: 'instrument' },
			timepoint: { column: 'timepoint' },
			value: { column: 'value' },
			rom_movement: { column: 'rom_movement' },
			side: { column: 'side' }
		},
		values: {},
		dateFormat: 'YYYY-MM-DD',
		decimalMark: 'point'
	}
};

/** Whether a table's headers are exactly the researcher export's, with or without the clinic. */
export function isResearcherExport(headers: readonly string[]): boolean {
	const withClinic: readonly string[] = RESEARCHER_EXPORT_COLUMNS;
	const withoutClinic = withClinic.filter((c) => c !== 'clinic_id');
	const same = (expected: readonly string[]) => headers.length === expected.length && expected.every((c, i) => headers[i] === c);
	return same(withClinic) || same(withoutClinic);
}
