import { cellText } from './cellText';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A plain JSON object ({...}), not an array or null. */
export function isJsonObject(value: unknown): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): value is string | number | boolean | null {
	return value === null || typeof value !== 'object';
}

/** A list as one cell: scalars joined with ";" (a blank one left empty), anything nested as JSON text. */
function listText(list: Json[]): string | null {
	if (list.length === 0) return null;
	if (list.every(isScalar)) return list.map((item) => cellText(item) ?? '').join(';');
	return cellText(list);
}

/**
 * One JSON record as flat cells keyed by column name: nested objects under dotted names ("client.age_band"),
 * an empty object or list as a blank cell, lists as listText gives them, the rest as cellText.
 */
export function flattenRecord(
	record: Record<string, Json>,
	prefix = '',
	into = new Map<string, string | null>()
): Map<string, string | null> {
	for (const [key, value] of Object.entries(record)) {
		const name = prefix + key;
		if (isJsonObject(value) && Object.keys(value).length > 0) flattenRecord(value, `${name}.`, into);
		else if (isJsonObject(value)) into.set(name, null);
		else if (Array.isArray(value)) into.set(name, listText(value));
		else into.set(name, cellText(value));
	}
	return into;
}
