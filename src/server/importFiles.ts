import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connector } from '$lib/db/connector';
import { createCanonicalTables } from '$lib/db/canonicalTables';
import { importWorkingSettings } from '$lib/db/settings';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import { SHIPPED_PRESETS } from '$lib/ingest/presets';
import { readUpload } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import { fittedPreset, identifyingColumns, profileValues, suggestedMapping } from '$lib/importer/suggestedMapping';
import { ServedDataError } from './servedDataError';

/** A clinic id from a file's name: `north-york.parquet` → `north-york`, kept to a pseudonymous id's letters, digits, _ and - (32 at most). */
export function clinicFromFileName(name: string): string {
	const stem = name.replace(/(\.(csv|tsv|txt|parquet|zip|xlsx|json|ndjson))?(\.gz)?$/i, '');
	return stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'clinic';
}

/**
 * Imports files into one dataset with the page's own import steps: each read, mapped (the app's researcher export
 * by its preset, another file by the mapping the page would suggest), checked and committed, each next one added to
 * the rows before, with the same session keys salt. A file that cannot be mapped by itself, or holds a column that
 * identifies a person, stops the server with the reason; rows the check refuses are counted in the notes returned
 * (the page's import shows them the same way).
 */
export async function importFiles(db: Connector, paths: readonly string[], log: (line: string) => void): Promise<string[]> {
	const notes: string[] = [];
	const keySalt = crypto.randomUUID();
	for (const [i, path] of paths.entries()) {
		const name = basename(path);
		log(`Importing ${name} (${i + 1} of ${paths.length})`);
		await db.exec(importWorkingSettings(statSync(path).size));
		const staged = await readUpload(db, [{ name, bytes: new Uint8Array(readFileSync(path)) }]);
		const profile = await profileColumns(db, staged);
		const identifiers = identifyingColumns(staged, profile);
		if (identifiers.length > 0) {
			const list = identifiers.map((f) => `“${f.column}” (${f.reason})`).join(', ');
			throw new ServedDataError(`${name}: ${list} would identify a person. Remove the column and start the server again.`);
		}
		const values = profileValues(profile);
		const preset = staged.preset ? SHIPPED_PRESETS.find((p) => p.name === staged.preset) : undefined;
		const mapping = preset ? fittedPreset(preset.mapping, staged.headers, values) : suggestedMapping(staged, identifiers, values);
		// One file per clinic: a file with no clinic column is its own clinic, named after the file.
		if (!mapping.fields.clinic_id) {
			mapping.fields = { ...mapping.fields, clinic_id: { constant: clinicFromFileName(name) } };
			log(`${name} has no clinic column: its rows are clinic “${clinicFromFileName(name)}”`);
		}
		if (i === 0) await createCanonicalTables(db);
		const check = await checkImport(db, staged, mapping, DEFAULT_IMPORT_OPTIONS, { existingSessions: i > 0, keySalt });
		if ('mappingProblems' in check) {
			throw new ServedDataError(`${name} cannot be mapped by itself: ${check.mappingProblems.join(' ')} Import it in the page once, or export it again from the app.`);
		}
		if (check.rowsRejected > 0) {
			const first = check.problems[0];
			const example = first ? ` (first: row ${first.row}${first.column ? `, column ${first.column}` : ''}${first.value !== null ? `, value “${first.value}”` : ''}: ${first.reason})` : '';
			notes.push(`${name}: ${check.rowsRejected.toLocaleString('en-CA')} of ${check.rowsRead.toLocaleString('en-CA')} rows were not imported${example}.`);
			log(notes.at(-1)!);
		}
		await commitImport(db, mapping, DEFAULT_IMPORT_OPTIONS);
	}
	return notes;
}
