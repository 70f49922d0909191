import { z } from './zod';

/** DuckDB column types the canonical tables use. */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE';

export interface ColumnMeta {
	/** What the field means, for the data dictionary. */
	description: string;
	/** Its DuckDB type, for the table and for reading CSV without sniffing. */
	sqlType: SqlType;
}

const columns = z.registry<ColumnMeta>();

/** Declares a field once: validation (the schema), storage (sqlType) and documentation (description). */
export function column<T extends z.ZodType>(schema: T, sqlType: SqlType, description: string): T {
	columns.add(schema, { sqlType, description });
	return schema;
}

export interface ColumnSpec extends ColumnMeta {
	name: string;
	/** Whether the field may be empty. */
	optional: boolean;
}

/** The columns of a table schema in order, with their meta. */
export function tableColumns(schema: z.ZodObject): ColumnSpec[] {
	return Object.entries(schema.shape).map(([name, field]) => {
		const meta = columns.get(field as z.ZodType);
		if (!meta) throw new Error(`column ${name} has no sqlType/description: declare it with column()`);
		const optional = (field as z.ZodType).safeParse(null).success;
		return { name, optional, ...meta };
	});
}
