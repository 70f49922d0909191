import { ImportFileError } from '../importFileError';
import type { TextTable } from '../textTable';
import { flattenRecord, isJsonObject, type Json } from './flattenRecord';
import { nestedDeeperThan, TOO_DEEP } from './jsonDepth';

const SAVE_AS = 'Save it again as a JSON list of records ([{...}, {...}]), as NDJSON (one {...} per line) or as CSV.';

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parseMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Line and column (from 1) of a character position in the text. */
function lineAndColumn(text: string, position: number): [line: number, column: number] {
	const before = text.slice(0, position).split('\n');
	return [before.length, before[before.length - 1].length + 1];
}

/**
 * Where a JSON document stops parsing, counting from 1, when the engine says (V8: "at position 41", from 0;
 * Firefox: "line 3 column 5"). Safari does not say.
 */
function whereDocumentFails(text: string, message: string): string {
	const position = /position (\d+)/.exec(message);
	if (position) {
		const offset = Number(position[1]);
		const [line, column] = lineAndColumn(text, offset);
		return ` at character ${offset + 1} (line ${line}, column ${column})`;
	}
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	return lineColumn ? ` at line ${lineColumn[1]}, column ${lineColumn[2]}` : '';
}

/** NDJSON rather than one document: several lines, each one a {...} (or at least the first one complete). */
function looksLikeNdjson(lines: string[]): boolean {
	const filled = lines.map((line) => line.trim()).filter((line) => line !== '');
	if (filled.length < 2) return false;
	if (filled.every((line) => line.startsWith('{'))) return true;
	try {
		return isJsonObject(JSON.parse(filled[0]));
	} catch {
		return false;
	}
}

function ndjsonRecords(lines: string[], source: string): Record<string, Json>[] {
	const records: Record<string, Json>[] = [];
	lines.forEach((line, index) => {
		if (line.trim() === '') return;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			throw new ImportFileError(
				source,
				`line ${index + 1} is not valid JSON (${parseMessage(error)}). Each line of an NDJSON file must be one ` +
					`complete record {...}: fix or remove line ${index + 1} and upload the file again.`,
				{ cause: error }
			);
		}
		if (nestedDeeperThan(value)) {
			throw new ImportFileError(source, `line ${index + 1} ${TOO_DEEP}. Fix or remove line ${index + 1} and upload the file again.`);
		}
		if (!isJsonObject(value)) {
			throw new ImportFileError(
				source,
				`line ${index + 1} holds ${kind(value)}, not a record {...}. Each line of an NDJSON file must be one ` +
					`record: fix or remove line ${index + 1} and upload the file again.`
			);
		}
		records.push(value);
	});
	return records;
}

interface Records {
	records: Record<string, Json>[];
	notes?: string[];
}

/** The records a parsed JSON document holds: a list of them, one object holding one such list, or one record. */
function documentRecords(document: unknown, source: string): Records {
	if (Array.isArray(document)) {
		const stray = document.findIndex((item) => !isJsonObject(item));
		if (stray >= 0) {
			throw new ImportFileError(
				source,
				`item ${stray + 1} of the list is ${kind(document[stray])}, not a record {...}. Every item must be a ` +
					`record with named fields. ${SAVE_AS}`
			);
		}
		return { records: document as Record<string, Json>[] };
	}
	if (!isJsonObject(document)) {
		throw new ImportFileError(source, `the file holds ${kind(document)}, not records. ${SAVE_AS}`);
	}
	const lists = Object.keys(document).filter((key) => {
		const value = document[key];
		return Array.isArray(value) && value.length > 0 && value.every(isJsonObject);
	});
	if (lists.length > 1) {
		throw new ImportFileError(
			source,
			`the file holds ${lists.length} lists of records (${lists.map((key) => `"${key}"`).join(', ')}), and ` +
				`only one can be imported at a time. Save each list in a file of its own.`
		);
	}
	if (lists.length === 1) {
		const [key] = lists;
		const others = Object.keys(document).filter((other) => other !== key);
		const notes = [
			others.length === 0
				? `Records read from the "${key}" list.`
				: `Records read from the "${key}" list; the file's other fields (${others.map((o) => `"${o}"`).join(', ')}) were left out.`
		];
		return { records: document[key] as Record<string, Json>[], notes };
	}
	const keys = Object.keys(document);
	if (keys.length === 1 && Array.isArray(document[keys[0]])) return { records: [] };
	return { records: [document] };
}

/** Rows under headers in the order the fields first appear; a field a record lacks is blank. */
function tableOf(records: Record<string, Json>[], source: string, notes?: string[]): TextTable {
	const columns = new Map<string, number>();
	const flat = records.map((record) => {
		const cells = flattenRecord(record);
		for (const name of cells.keys()) if (!columns.has(name)) columns.set(name, columns.size);
		return cells;
	});
	const headers = [...columns.keys()];
	const rows = flat.map((cells) => headers.map((header) => cells.get(header) ?? null));
	return notes ? { source, headers, rows, notes } : { source, headers, rows };
}

/**
 * Reads an uploaded JSON file into a TextTable: a list of records ([{...}, ...]), one object holding a single
 * list of records ({"data": [...]}), or NDJSON (one record per line, blank lines skipped). Nested objects become
 * dotted columns ("client.age_band"), lists of plain values one cell joined with ";", lists of records JSON text.
 */
export function readJson(text: string, source: string): TextTable {
	const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (content.trim() === '') {
		throw new ImportFileError(source, 'the file is empty. Check that you chose the right file, or export it again.');
	}
	let parsed: Records;
	try {
		const document: unknown = JSON.parse(content);
		if (nestedDeeperThan(document)) throw new ImportFileError(source, `the file ${TOO_DEEP}. ${SAVE_AS}`);
		parsed = documentRecords(document, source);
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		const lines = content.split(/\r?\n/);
		if (!looksLikeNdjson(lines)) {
			const message = parseMessage(error);
			throw new ImportFileError(
				source,
				`the file is not valid JSON${whereDocumentFails(content, message)}: ${message}. ` +
					`Fix the file there, or ${SAVE_AS.charAt(0).toLowerCase()}${SAVE_AS.slice(1)}`,
				{ cause: error }
			);
		}
		parsed = { records: ndjsonRecords(lines, source) };
	}
	if (parsed.records.length === 0) {
		throw new ImportFileError(source, `the file holds no records (an empty list). ${SAVE_AS}`);
	}
	return tableOf(parsed.records, source, parsed.notes);
}
