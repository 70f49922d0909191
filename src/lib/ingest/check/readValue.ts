import type { DateFormat, DecimalMark } from '../importFields';
import type { FieldSpec } from '../fieldSpecs';
import { parseDate } from '../parse/date';
import { parseNumber } from '../parse/number';

/** A file's value read for one field: the canonical text to store, or why it cannot be. */
export type ReadValue = { value: string } | { error: string };

export interface ReadSettings {
	dateFormat: Exclude<DateFormat, 'auto'>;
	decimalMark: Exclude<DecimalMark, 'auto'>;
	/** The file's value → the app's code, for this field. */
	values: Record<string, string>;
}

function code(raw: string, values: Record<string, string>): string {
	return Object.hasOwn(values, raw) ? values[raw] : raw;
}

function zodError(spec: FieldSpec, parsed: unknown): string | undefined {
	const result = spec.check(parsed);
	if (result.success) return undefined;
	return result.error.issues.map((issue) => issue.message).join('; ');
}

const HINTS: Partial<Record<FieldSpec['kind'], string>> = {
	code: 'map it to one of the app’s values under “Values”, or correct the file',
	codeList: 'map each to one of the app’s values under “Values”, or correct the file'
};

/**
 * Reads one distinct value of a column for a field: parse (dates, decimal commas, value mapping), then the
 * field's own zod schema. Called once per distinct value, so a million rows cost as many checks as they have
 * different values.
 */
export function readValue(spec: FieldSpec, raw: string, settings: ReadSettings): ReadValue {
	let parsed: unknown;
	switch (spec.kind) {
		case 'date': {
			const date = parseDate(raw, settings.dateFormat);
			if (date === null) return { error: `${spec.label} is blank` };
			if (typeof date === 'object') return { error: date.error };
			// A month alone is checked as its first day and kept as the month: the import stores it at month precision.
			const error = zodError(spec, date.length === 7 ? `${date}-01` : date);
			return error ? { error } : { value: date };
		}
		case 'integer':
		case 'number':
		case 'score': {
			const n = parseNumber(raw, settings.decimalMark);
			if (n === null) return { error: `${spec.label} is blank` };
			if (typeof n === 'object') return { error: n.error };
			parsed = n;
			break;
		}
		case 'codeList':
			parsed = raw
				.split(/\s*[;,|]\s*/)
				.filter((part) => part !== '')
				.map((part) => code(part, settings.values))
				.join(';');
			break;
		default:
			parsed = code(raw, settings.values);
	}
	const error = zodError(spec, parsed);
	if (error) return { error: HINTS[spec.kind] ? `${error}: ${HINTS[spec.kind]}` : error };
	return { value: String(parsed) };
}
