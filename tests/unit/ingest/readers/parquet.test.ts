import { readFileSync } from 'node:fs';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '$lib/ingest/importFileError';
import { readParquet } from '$lib/ingest/readers';
import { PARQUET_VISIT_ROWS, VISIT_HEADERS } from './visitTable';

const FIXTURES = 'tests/fixtures/import/';

/** Every Parquet fixture, with the program that wrote it and its compression. */
const WRITERS = [
	['duckdb-snappy.parquet', 'DuckDB', 'SNAPPY'],
	['duckdb-zstd.parquet', 'DuckDB', 'ZSTD'],
	['duckdb-gzip.parquet', 'DuckDB', 'GZIP'],
	['duckdb-brotli.parquet', 'DuckDB', 'BROTLI'],
	['duckdb-lz4.parquet', 'DuckDB', 'LZ4_RAW'],
	['duckdb-uncompressed.parquet', 'DuckDB', 'UNCOMPRESSED'],
	['pyarrow-snappy.parquet', 'parquet-cpp-arrow', 'SNAPPY'],
	['pyarrow-zstd.parquet', 'parquet-cpp-arrow', 'ZSTD'],
	['pyarrow-spark-style.parquet', 'parquet-cpp-arrow', 'SNAPPY'],
	['hyparquet-writer-snappy.parquet', 'hyparquet-writer', 'SNAPPY']
] as const;

function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(FIXTURES + name));
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportFileError);
	return error as ImportFileError;
}

describe('reading a Parquet file', () => {
	it.each(WRITERS)('%s (%s, %s) gives the visit table exactly', async (name) => {
		const table = await readParquet(fixture(name), name);
		expect(table.source).toBe(name);
		expect(table.headers).toEqual(VISIT_HEADERS);
		expect(table.rows).toHaveLength(16);
		expect(table.rows).toEqual(PARQUET_VISIT_ROWS);
	});

	it('gives the same table whichever program wrote the file and however it was compressed', async () => {
		const tables = await Promise.all(WRITERS.map(([name]) => readParquet(fixture(name), 'visits.parquet')));
		for (const table of tables.slice(1)) expect(table).toEqual(tables[0]);
	});

	it('writes DATE as YYYY-MM-DD, TIMESTAMP with its time, DECIMAL with its places, and keeps blanks', async () => {
		const { rows } = await readParquet(fixture('pyarrow-zstd.parquet'), 'visits.parquet');
		const at = (row: number, column: string) => rows[row][VISIT_HEADERS.indexOf(column)];
		expect(at(0, 'visit_date')).toBe('2025-03-03');
		expect(at(3, 'recorded_at')).toBe('2025-03-11 14:45:30');
		expect(at(6, 'recorded_at')).toBe('2025-03-18 00:00:00');
		expect(at(7, 'recorded_at')).toBeNull();
		expect(at(3, 'fee')).toBe('55.50');
		expect(at(4, 'fee')).toBeNull();
		expect(at(0, 'pain_pre')).toBe('6.5');
		expect(at(12, 'pain_post')).toBe('3.3');
		expect(at(3, 'pain_post')).toBeNull();
		expect(at(0, 'duration_min')).toBe('60');
		expect(at(6, 'duration_min')).toBeNull();
		expect(at(10, 'condition')).toBeNull();
		expect(at(12, 'follow_up')).toBeNull();
	});

	it('the fixtures cover each writer, compression and dictionary pages they claim to', () => {
		for (const [name, writer, codec] of WRITERS) {
			const metadata = parquetMetadata(fixture(name).buffer as ArrayBuffer);
			expect(metadata.created_by, name).toContain(writer);
			const columns = metadata.row_groups[0].columns.map((column) => column.meta_data!);
			expect(new Set(columns.map((column) => column.codec)), name).toEqual(new Set([codec]));
			const therapist = columns.find((column) => column.path_in_schema.join('.') === 'therapist_id')!;
			expect(therapist.dictionary_page_offset, `${name} therapist_id dictionary page`).toBeDefined();
		}
		const spark = parquetMetadata(fixture('pyarrow-spark-style.parquet').buffer as ArrayBuffer);
		expect(spark.schema.find((element) => element.name === 'recorded_at')?.type).toBe('INT96');
	});

	it('reads exact decimals, times, microsecond timestamps, big integers, JSON and list columns', async () => {
		const buffer = parquetWriteBuffer({
			columnData: [
				{ name: 'wide_decimal', data: [-123456789012345678901234567890n, 5n, null] },
				{ name: 'long_decimal', data: [123456789012345678n, -1n, 0n] },
				{ name: 'start_time', data: [34_200_000_000n, 0n, 86_399_999_999n] },
				{ name: 'recorded_at', data: [1741001400123456n, 0n, -1n] },
				{ name: 'visits_total', data: [9007199254740993n, 0n, -7n] },
				{ name: 'extra', data: [{ room: 2 }, null, [1, 2]] },
				{ name: 'scores', data: [[6.5, 4], [], null] }
			],
			schema: [
				{ name: 'root', num_children: 7 },
				{ name: 'wide_decimal', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', scale: 10, precision: 38, repetition_type: 'OPTIONAL' },
				{ name: 'long_decimal', type: 'INT64', converted_type: 'DECIMAL', scale: 4, precision: 18, repetition_type: 'REQUIRED' },
				{ name: 'start_time', type: 'INT64', converted_type: 'TIME_MICROS', repetition_type: 'REQUIRED' },
				{ name: 'recorded_at', type: 'INT64', converted_type: 'TIMESTAMP_MICROS', repetition_type: 'REQUIRED' },
				{ name: 'visits_total', type: 'INT64', repetition_type: 'REQUIRED' },
				{ name: 'extra', type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'OPTIONAL' },
				{ name: 'scores', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
				{ name: 'list', repetition_type: 'REPEATED', num_children: 1 },
				{ name: 'element', type: 'DOUBLE', repetition_type: 'REQUIRED' }
			]
		});
		const table = await readParquet(new Uint8Array(buffer), 'odd-types.parquet');
		expect(table.headers).toEqual(['wide_decimal', 'long_decimal', 'start_time', 'recorded_at', 'visits_total', 'extra', 'scores']);
		expect(table.rows).toEqual([
			['-12345678901234567890.1234567890', '12345678901234.5678', '09:30:00', '2025-03-03 11:30:00.123456', '9007199254740993', '{"room":2}', '[6.5,4]'],
			['0.0000000005', '-0.0001', '00:00:00', '1970-01-01 00:00:00', '0', null, '[]'],
			[null, '0.0000', '23:59:59.999999', '1969-12-31 23:59:59.999999', '-7', '[1,2]', null]
		]);
	});

	it('says a file that is not Parquet is not Parquet', async () => {
		const csv = new TextEncoder().encode('client_id,visit_date\nC0001,2025-03-03\n');
		const error = await failure(readParquet(csv, 'visits.parquet'));
		expect(error.message).toMatch(/^visits\.parquet: this is not a Parquet file: it does not begin and end with the Parquet marker "PAR1"\./);
		expect(error.message).toContain('Export it again as Parquet (or as CSV)');
		expect((await failure(readParquet(new Uint8Array(), 'empty.parquet'))).message).toContain('this is not a Parquet file');
		const cut = fixture('duckdb-snappy.parquet').slice(0, 1000);
		expect((await failure(readParquet(cut, 'cut.parquet'))).message).toContain('cut.parquet: this is not a Parquet file');
	});

	it('says when a Parquet file is damaged', async () => {
		const bytes = fixture('duckdb-snappy.parquet');
		const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
		bytes.fill(0xff, bytes.length - 8 - footerLength, bytes.length - 8);
		const error = await failure(readParquet(bytes, 'damaged.parquet'));
		expect(error.message).toMatch(/^damaged\.parquet: the Parquet file's (footer|data) cannot be read \(.+\)\. Export it again/);
	});
});
