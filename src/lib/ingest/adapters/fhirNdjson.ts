import { ImportFileError } from '../importFileError';
import { nestedDeeperThan, TOO_DEEP } from '../readers/jsonDepth';

/** A FHIR resource as JSON: only what the adapter reads is typed, the rest is there but never looked at. */
export interface FhirResource {
	resourceType: string;
	id?: string;
	[element: string]: unknown;
}

/** A resource with where it was read, so later steps can keep the file's order. */
export interface ReadResource {
	resource: FhirResource;
	file: string;
	line: number;
	/** Position among every resource read, over all files. */
	order: number;
}

function isResource(value: unknown): value is FhirResource {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as FhirResource).resourceType === 'string';
}

/** Whether a text is FHIR NDJSON: its first non-blank line is a JSON object with a resourceType. */
export function looksLikeFhir(text: string): boolean {
	const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
	if (first === undefined) return false;
	try {
		return isResource(JSON.parse(first));
	} catch {
		return false;
	}
}

/**
 * The resources of FHIR Bulk Data NDJSON files, one JSON resource a line (blank lines skipped; a Bundle's entries
 * are read as resources). A line that is not a resource stops the import with the file and line.
 */
export function readNdjson(files: readonly { name: string; text: string }[]): ReadResource[] {
	const read: ReadResource[] = [];
	for (const file of files) {
		const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
		lines.forEach((text, index) => {
			if (text.trim() === '') return;
			const line = index + 1;
			let value: unknown;
			try {
				value = JSON.parse(text);
			} catch (cause) {
				throw new ImportFileError(
					file.name,
					`line ${line} is not valid JSON (${(cause as Error).message}). A FHIR Bulk Data file has one whole resource on each line: export it again, or remove the broken line.`,
					{ cause }
				);
			}
			if (nestedDeeperThan(value)) {
				throw new ImportFileError(file.name, `line ${line} ${TOO_DEEP}. Export it again, or remove the line.`);
			}
			if (!isResource(value)) {
				throw new ImportFileError(file.name, `line ${line} is JSON but not a FHIR resource (it has no "resourceType"). Upload the NDJSON files of a FHIR Bulk Data export.`);
			}
			const entries = value.resourceType === 'Bundle' && Array.isArray(value.entry) ? value.entry.map((e: { resource?: unknown }) => e?.resource).filter(isResource) : [value];
			for (const resource of entries) read.push({ resource, file: file.name, line, order: read.length });
		});
	}
	return read;
}
