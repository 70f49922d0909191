import { toCsv } from '$lib/download/csvText';
import type { ResultColumn, ResultRow } from './pagedQuery';

export interface ResultCsvOptions {
	/** Start with a UTF-8 byte-order mark, so Excel reads accents and symbols correctly. */
	bom: boolean;
}

/**
 * A result as CSV: text columns escaped against spreadsheet formulas (OWASP), number columns written as DuckDB
 * wrote them, unescaped.
 */
export function resultCsv(columns: readonly ResultColumn[], rows: readonly ResultRow[], options: ResultCsvOptions): string {
	const text = toCsv(columns, rows);
	return options.bom ? `\uFEFF${text}` : text;
}
