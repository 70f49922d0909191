import {
	parquetMetadata,
	parquetRead,
	parquetSchema,
	type FileMetaData,
	type ParquetParsers,
	type SchemaElement
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ImportFileError } from '../importFileError';
import type { TextTable } from '../textTable';
import { cellText } from './cellText';
import { dayText, decimalText, instantText, timeText, unscaledDecimal } from './parquetValues';

const utf8 = new TextDecoder();

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

const EXPORT_AGAIN = 'Export it again as Parquet (or as CSV) from the program that made it, and upload that file.';

/** Dates, timestamps and JSON straight to text, so nothing goes through a rounding JS Date. */
const textParsers: Partial<ParquetParsers> = {
	dateFromDays: (days) => dayText(days),
	timestampFromMilliseconds: (millis) => instantText(millis, 1_000n),
	timestampFromMicroseconds: (micros) => instantText(micros, 1_000_000n),
	timestampFromNanoseconds: (nanos) => instantText(nanos, 1_000_000_000n),
	jsonFromBytes: (bytes) => bytes && utf8.decode(bytes)
};

type ColumnText = (value: unknown) => string | null;

function hasMagic(bytes: Uint8Array, at: number): boolean {
	return MAGIC.every((byte, i) => bytes[at + i] === byte);
}

function decimalScale(element: SchemaElement): number | undefined {
	if (element.logical_type?.type === 'DECIMAL') return element.logical_type.scale;
	if (element.converted_type === 'DECIMAL') return element.scale ?? 0;
	return undefined;
}

function timeUnitsPerSecond(element: SchemaElement): bigint | undefined {
	const logical = element.logical_type;
	if (logical?.type === 'TIME') return { MILLIS: 1_000n, MICROS: 1_000_000n, NANOS: 1_000_000_000n }[logical.unit];
	if (element.converted_type === 'TIME_MILLIS') return 1_000n;
	if (element.converted_type === 'TIME_MICROS') return 1_000_000n;
	return undefined;
}

/** How one top-level column's values become text: DECIMAL and TIME from their stored integers, the rest as cellText. */
function columnText(element: SchemaElement): ColumnText {
	const scale = decimalScale(element);
	if (scale !== undefined) {
		return (value) => (value === null || value === undefined ? null : decimalText(unscaledDecimal(value as bigint), scale));
	}
	const perSecond = timeUnitsPerSecond(element);
	if (perSecond !== undefined) {
		return (value) => (value === null || value === undefined ? null : timeText(value as bigint, perSecond));
	}
	return cellText;
}

/**
 * The metadata with top-level DECIMAL and TIME columns left unannotated, so hyparquet hands over their stored
 * integers (it would turn a DECIMAL into a rounded JS number).
 */
function withRawColumns(metadata: FileMetaData, raw: Set<SchemaElement>): FileMetaData {
	const schema = metadata.schema.map((element) => {
		if (!raw.has(element)) return element;
		const plain = { ...element };
		delete plain.converted_type;
		delete plain.logical_type;
		return plain;
	});
	return { ...metadata, schema };
}

/**
 * hyparquet's own words for what is wrong, or plain words when it tripped over damage it does not name (a
 * TypeError or RangeError from reading past what the footer promised).
 */
function reason(error: unknown): string {
	if (error instanceof TypeError || error instanceof RangeError) return 'it is damaged or cut short';
	return error instanceof Error ? error.message : String(error);
}

/**
 * Reads an uploaded Parquet file (any of Snappy, Zstandard, gzip, Brotli, LZ4 or no compression, dictionary pages
 * or not) into a TextTable, one header per top-level column. DATE comes out as YYYY-MM-DD, TIMESTAMP as
 * YYYY-MM-DD HH:MM:SS (UTC), DECIMAL as its exact decimal text, nested columns as JSON text.
 */
export async function readParquet(bytes: Uint8Array, source: string): Promise<TextTable> {
	if (bytes.length < 12 || !hasMagic(bytes, 0) || !hasMagic(bytes, bytes.length - 4)) {
		const encrypted = bytes.length >= 4 && utf8.decode(bytes.subarray(bytes.length - 4)) === 'PARE';
		if (encrypted) {
			throw new ImportFileError(source, `the Parquet file is encrypted, which this dashboard cannot read. ${EXPORT_AGAIN}`);
		}
		throw new ImportFileError(
			source,
			`this is not a Parquet file: it does not begin and end with the Parquet marker "PAR1". ` +
				`Check that you chose the right file; if it is a CSV, JSON or Excel file, give it that file extension. ` +
				EXPORT_AGAIN
		);
	}
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

	let metadata: FileMetaData;
	try {
		metadata = parquetMetadata(buffer, { parsers: textParsers });
	} catch (error) {
		throw new ImportFileError(source, `the Parquet file's footer cannot be read (${reason(error)}). ${EXPORT_AGAIN}`, {
			cause: error
		});
	}

	const columns = parquetSchema(metadata).children;
	const headers = columns.map((column) => column.element.name);
	const texts = columns.map((column) => (column.children.length === 0 ? columnText(column.element) : cellText));
	const raw = new Set(columns.filter((column, i) => texts[i] !== cellText).map((column) => column.element));

	let values: unknown[][] = [];
	try {
		await parquetRead({
			file: buffer,
			metadata: withRawColumns(metadata, raw),
			compressors,
			parsers: textParsers,
			utf8: false,
			rowFormat: 'array',
			onComplete: (rows) => {
				values = rows;
			}
		});
	} catch (error) {
		throw new ImportFileError(source, `the Parquet file's data cannot be read (${reason(error)}). ${EXPORT_AGAIN}`, {
			cause: error
		});
	}

	const rows = values.map((row) => texts.map((text, i) => text(row[i])));
	return { source, headers, rows };
}
