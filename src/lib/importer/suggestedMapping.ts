import { fieldSpec } from '$lib/ingest/fieldSpecs';
import { findIdentifierColumns, type IdentifierFinding } from '$lib/ingest/identifierColumns';
import type { ImportMapping } from '$lib/ingest/importFields';
import type { FileProfile } from '$lib/ingest/stage/profileColumns';
import type { StagedFile } from '$lib/ingest/stage/stagedFile';
import { suggestMapping } from '$lib/ingest/suggest/suggestMapping';
import { suggestValueMap } from '$lib/ingest/suggest/suggestValues';

/** The cell types a categorical field needs mapped value by value. */
const VALUE_MAPPED = new Set(['code', 'codeList']);

/** A column's distinct values, as written (trimmed), most common first. */
export type FileValues = (header: string) => string[];

/** The distinct values of a profiled column, most common first. */
export function profileValues(profile: FileProfile | null): FileValues {
	return (header) => profile?.columns.find((c) => c.header === header)?.topValues.map((v) => v.value) ?? [];
}

/** Columns the source itself marks as identifying come first, with its reason; then those found by name or content. */
export function identifyingColumns(staged: StagedFile, profile: FileProfile): IdentifierFinding[] {
	const flagged: IdentifierFinding[] = Object.entries(staged.flaggedIdentifiers).map(([column, reason]) => ({
		column,
		kind: 'record_number',
		evidence: reason,
		reason: 'the source marks it as identifying a person'
	}));
	const found = findIdentifierColumns(
		staged.headers,
		profile.sample.map((r) => r.cells)
	).filter((f) => !flagged.some((g) => g.column === f.column));
	return [...flagged, ...found];
}

/** Fills value maps for every mapped category field from the file's values, keeping what is already there. */
export function suggestedValues(mapping: ImportMapping, existing: ImportMapping['values'], fileValues: FileValues): ImportMapping['values'] {
	const values: ImportMapping['values'] = { ...existing };
	for (const [key, source] of Object.entries(mapping.fields)) {
		const spec = fieldSpec(key);
		if (!spec || !VALUE_MAPPED.has(spec.kind) || !('column' in source)) continue;
		const cells = fileValues(source.column);
		const named = spec.kind === 'codeList' ? [...new Set(cells.flatMap((c) => c.split(/\s*[;,|]\s*/)).filter(Boolean))] : cells;
		values[key] = { ...suggestValueMap(key, named), ...(existing[key] ?? {}) };
	}
	return values;
}

/** A mapping suggested from the headers that identify no one, with value maps from each mapped category column's values. */
export function suggestedMapping(staged: StagedFile, identifiers: readonly IdentifierFinding[], fileValues: FileValues): ImportMapping {
	const headers = staged.headers.filter((h) => !identifiers.some((f) => f.column === h));
	const mapping = suggestMapping(headers, staged.headerLabels);
	return { ...mapping, values: suggestedValues(mapping, mapping.values, fileValues) };
}

/** A preset's mapping (given as plain data), without columns this file does not have. */
export function fittedPreset(mapping: ImportMapping, headers: readonly string[], fileValues: FileValues): ImportMapping {
	const fields = Object.fromEntries(Object.entries(mapping.fields).filter(([, s]) => !('column' in s) || headers.includes(s.column)));
	const fitted = { ...mapping, fields };
	return { ...fitted, values: suggestedValues(fitted, fitted.values, fileValues) };
}
