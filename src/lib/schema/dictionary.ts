import { z } from './zod';
import { tableColumns, type ColumnSpec } from './column';
import { CANONICAL_TABLES } from './tables';

export interface DictionaryColumn extends ColumnSpec {
	/** The allowed values of a controlled field, or null for free (validated) values. */
	allowed: readonly string[] | null;
}

export interface DictionaryTable {
	name: string;
	columns: DictionaryColumn[];
}

function allowedValues(field: z.ZodType): readonly string[] | null {
	const inner = field instanceof z.ZodNullable ? (field.unwrap() as z.ZodType) : field;
	return inner instanceof z.ZodEnum ? (inner.options as string[]) : null;
}

/** The canonical tables as the data dictionary shows them, read from the same schemas that validate the data. */
export function dataDictionary(): DictionaryTable[] {
	return CANONICAL_TABLES.map(({ name, schema }) => ({
		name,
		columns: tableColumns(schema).map((column) => ({
			...column,
			allowed: allowedValues(schema.shape[column.name as keyof typeof schema.shape] as z.ZodType)
		}))
	}));
}
