import type { Connector } from '$lib/db/connector';
import { adaptFhir, adaptRedcap, isRedcapDictionary, looksLikeFhir } from './adapters';
import { ImportFileError } from './importFileError';
import { decodeText } from './parse/encoding';
import { readJson } from './readers/json';
import { readParquet } from './readers/parquet';
import { readXlsx, xlsxSheetNames } from './readers/xlsx';
import { bundleDataFile, isResearcherBundle, zipEntryNames } from './readers/bundleZip';
import { isResearcherExport, RESEARCHER_EXPORT_PRESET } from './presets/researcherExport';
import { quoteIdentifier } from '$lib/db/sql';
import { RAW_TABLE } from './stage/stagedFile';
import { csvToTextTable, stageCsv, stageTextTable, type CsvOptions } from './stage/stageCsv';
import { isGzip } from '$lib/compression/gzip';
import type { StagedFile } from './stage/stagedFile';

/** A file the person chose, as bytes. */
export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

export interface ReadOptions extends CsvOptions {
	/** The Excel sheet to read; the first by default. */
	sheet?: string;
}

/** The formats the import reads. */
export type UploadFormat = 'csv' | 'parquet' | 'json' | 'xlsx' | 'bundle' | 'fhir' | 'redcap';

function startsWith(bytes: Uint8Array, magic: string): boolean {
	return [...magic].every((ch, i) => bytes[i] === ch.charCodeAt(0));
}

function extension(name: string): string {
	return name.toLowerCase().replace(/\.gz$/, '').split('.').pop() ?? '';
}

/** The format of one file, by its first bytes, then its name. */
export function uploadFormat(file: UploadedFile): Exclude<UploadFormat, 'fhir' | 'redcap'> {
	if (startsWith(file.bytes, 'PAR1')) return 'parquet';
	const ext = extension(file.name);
	if (startsWith(file.bytes, 'PK\u0003\u0004')) {
		// A zip: a workbook, or the app's researcher bundle (its names are read, nothing unpacked).
		if (ext === 'zip') return 'bundle';
		if (ext === 'xlsx') return 'xlsx';
		const names = zipEntryNames(file.bytes);
		return names !== null && isResearcherBundle(names) ? 'bundle' : 'xlsx';
	}
	if (ext === 'parquet') return 'parquet';
	if (ext === 'xlsx') return 'xlsx';
	if (ext === 'xls') {
		throw new ImportFileError(file.name, 'old Excel files (.xls) cannot be read. Save the sheet as .xlsx or CSV and import that.');
	}
	if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
	return 'csv';
}

/**
 * The app's own researcher export, recognised by its columns: its preset is chosen and a note says what it lacks.
 * Its CSV escaped text cells that start like a formula with a leading ' (see csvTextCell): the quote is taken off.
 */
async function recogniseResearcherExport(db: Connector, staged: StagedFile, csv: boolean): Promise<StagedFile> {
	if (!isResearcherExport(staged.headers)) return staged;
	if (csv) {
		const sets = staged.columns.map((c) => {
			const column = quoteIdentifier(c);
			return `${column} = CASE WHEN regexp_matches(${column}, '^''[=+\\-@\t\r]') THEN substr(${column}, 2) ELSE ${column} END`;
		});
		await db.exec(`UPDATE ${RAW_TABLE} SET ${sets.join(', ')}`);
	}
	const note =
		"This is this app's own researcher export: its columns are mapped for you. It holds no visit dates (sessions are timed in days since the client's first visit) and no therapist ids, and age band, sex and condition may be recoded (20-year bands, condition groups, all); pages that need months or therapists say so.";
	return { ...staged, preset: RESEARCHER_EXPORT_PRESET.name, notes: [...staged.notes, note] };
}

const ACCEPTED_ONE_OR_MORE =
	'Import one file at a time; or a REDCap records CSV together with its data dictionary; or FHIR NDJSON files together.';

/**
 * Reads what the person chose into the import database's raw table: one CSV/TSV (gzipped or not), Parquet, JSON
 * or NDJSON, or Excel file; a REDCap records export with its data dictionary; or FHIR Bulk Data NDJSON files.
 * CSV goes straight to DuckDB's reader; the other formats become text tables and go through the same reader.
 */
export async function readUpload(db: Connector, files: readonly UploadedFile[], options: ReadOptions = {}): Promise<StagedFile> {
	if (files.length === 0) throw new ImportFileError('(no file)', 'choose a file to import.');
	for (const file of files) {
		if (file.bytes.length === 0) throw new ImportFileError(file.name, 'the file is empty. Export the data again.');
	}
	const formats = files.map(uploadFormat);
	if (files.length > 1) {
		if (formats.every((f) => f === 'json')) return stageTextTable(db, adaptFhir(files.map(fhirText)));
		if (files.length === 2 && formats.every((f) => f === 'csv')) return readRedcapPair(db, files, options);
		throw new ImportFileError(files.map((f) => f.name).join(', '), ACCEPTED_ONE_OR_MORE);
	}
	const [file] = files;
	if (formats[0] === 'bundle') return readOne(db, bundleDataFile(file.bytes, file.name), options);
	return readOne(db, file, options);
}

/** Reads one file of a known format other than a bundle, and recognises the app's own export. */
async function readOne(db: Connector, file: UploadedFile, options: ReadOptions): Promise<StagedFile> {
	const format = uploadFormat(file);
	switch (format) {
		case 'bundle':
			throw new ImportFileError(file.name, 'a zip archive inside a zip archive is not read. Unpack it and import the data file.');
		case 'parquet':
			return recogniseResearcherExport(db, await stageTextTable(db, await readParquet(file.bytes, file.name)), false);
		case 'xlsx':
		{
			const sheets = await xlsxSheetNames(file.bytes, file.name);
			const staged = await stageTextTable(db, await readXlsx(file.bytes, file.name, options.sheet));
			return { ...staged, sheets, sheet: options.sheet ?? sheets[0] };
		}
		case 'json': {
			const text = fhirText(file).text;
			return stageTextTable(db, looksLikeFhir(text) ? adaptFhir([{ name: file.name, text }]) : readJson(text, file.name));
		}
		default:
			return recogniseResearcherExport(db, await stageCsv(db, file.bytes, file.name, options), true);
	}
}

function fhirText(file: UploadedFile): { name: string; text: string } {
	if (isGzip(file.bytes)) throw new ImportFileError(file.name, 'gzipped JSON is not read; unpack it first.');
	return { name: file.name, text: decodeText(file.bytes, 'utf-8').text };
}

async function readRedcapPair(db: Connector, files: readonly UploadedFile[], options: ReadOptions): Promise<StagedFile> {
	const tables = [];
	for (const file of files) tables.push(await csvToTextTable(db, file.bytes, file.name, options));
	const dictionary = tables.find((t) => isRedcapDictionary(t));
	const records = tables.find((t) => t !== dictionary);
	if (!dictionary || !records) {
		throw new ImportFileError(files.map((f) => f.name).join(', '), `neither file is a REDCap data dictionary. ${ACCEPTED_ONE_OR_MORE}`);
	}
	return stageTextTable(db, adaptRedcap(records, dictionary));
}
