import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';
import {
	Bool,
	DateDay,
	Field,
	Float64,
	Int32,
	Int64,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	tableToIPC,
	TimestampMillisecond,
	Utf8,
	vectorFromArray,
	type DataType
} from 'apache-arrow';

/**
 * The Arrow type a DuckDB column travels as. Numbers, text, dates and true/false keep their kind, as duckdb-wasm's
 * own Arrow gives them to the page: 128-bit integers and decimals as doubles (the page's rows hold numbers), and any
 * other type (lists, structs, intervals, blobs, times, UUIDs) as DuckDB's own text of the value.
 */
function arrowType(typeId: DuckDBTypeId): DataType {
	switch (typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
			return new Int32();
		case DuckDBTypeId.BIGINT:
			return new Int64();
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
			return new Float64();
		case DuckDBTypeId.DATE:
			return new DateDay();
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		default:
			return new Utf8();
	}
}

const TEXT_TYPES = new Set([DuckDBTypeId.VARCHAR, DuckDBTypeId.ENUM, DuckDBTypeId.UUID]);

/** One column's values as its Arrow type takes them. */
function columnValues(typeId: DuckDBTypeId, type: DataType, js: unknown[], raw: () => unknown[]): unknown[] {
	if (type instanceof Utf8) return TEXT_TYPES.has(typeId) ? js : raw().map((v) => (v === null ? null : String(v)));
	if (type instanceof Float64) return js.map((v) => (v === null ? null : Number(v)));
	if (type instanceof Int64) return js.map((v) => (v === null ? null : BigInt(v as bigint)));
	if (type instanceof DateDay || type instanceof TimestampMillisecond) return js.map((v) => (v === null ? null : (v as Date).getTime()));
	return js;
}

/** A query's result as an Arrow IPC stream: one record batch, the columns in the query's order, names as given. */
export function resultToArrowIpc(reader: DuckDBResultReader): Uint8Array {
	const names = reader.columnNames();
	const typeIds = reader.columnTypes().map((t) => t.typeId);
	const js = reader.getColumnsJS() as unknown[][];
	let raw: unknown[][] | null = null;
	const fields: Field[] = [];
	const children = names.map((name, i) => {
		const type = arrowType(typeIds[i]);
		fields.push(new Field(name, type, true));
		const values = columnValues(typeIds[i], type, js[i] ?? [], () => (raw ??= reader.getColumns() as unknown[][])[i]);
		return vectorFromArray(values, type).data[0];
	});
	const schema = new Schema(fields);
	const length = reader.currentRowCount;
	const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }));
	return tableToIPC(new Table(schema, [batch]), 'stream');
}
