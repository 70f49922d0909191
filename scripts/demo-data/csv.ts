/** CSV as the app reads it: header row, commas, "\n" line ends, quotes only when a field needs them. */
import type { DemoData } from './types';

export const DEMO_COLUMNS = {
	clients: ['client_id', 'age_band', 'sex', 'primary_condition'],
	therapists: ['therapist_id', 'clinic_id'],
	sessions: [
		'session_id', 'client_id', 'therapist_id', 'clinic_id', 'session_date', 'session_number', 'duration_min',
		'primary_technique', 'other_techniques', 'body_region', 'pressure'
	],
	measurements: ['session_id', 'instrument', 'timepoint', 'value', 'rom_movement', 'side']
} as const satisfies { [table in keyof DemoData]: readonly (keyof DemoData[table][number])[] };

export type DemoTable = keyof typeof DEMO_COLUMNS;

/** RFC 4180: a field is quoted only if it holds a comma, a quote or a line break; null is an empty field. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly (keyof Row)[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
	return lines.join('\n') + '\n';
}

/** One CSV text per table, keyed like DemoData. */
export function demoDataToCsv(data: DemoData): Record<DemoTable, string> {
	return {
		clients: toCsv(data.clients, DEMO_COLUMNS.clients),
		therapists: toCsv(data.therapists, DEMO_COLUMNS.therapists),
		sessions: toCsv(data.sessions, DEMO_COLUMNS.sessions),
		measurements: toCsv(data.measurements, DEMO_COLUMNS.measurements)
	};
}
