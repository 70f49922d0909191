import type { Connector } from '$lib/db/connector';
import { quoteIdentifier } from '$lib/db/sql';
import { RAW_TABLE, type StagedFile } from './stagedFile';

/** A value as written in the file, with how many rows have it. */
export interface ValueCount {
	value: string;
	rows: number;
}

/** What the mapping step needs to know about one source column. */
export interface ColumnProfile {
	header: string;
	column: string;
	/** Rows with a non-blank value. */
	filled: number;
	/** Distinct non-blank values: exact when they are all listed in topValues, else an estimate (HyperLogLog). */
	distinct: number;
	/** The most common values, most common first: all of them when there are few (a category to map). */
	topValues: ValueCount[];
}

/** The most distinct values a column may have for all of them to be listed for value mapping. */
export const CATEGORY_LIMIT = 60;
/** Columns with more distinct values than this (ids, dates of a large file) are not listed value by value. */
const CATEGORY_SCAN_LIMIT = 5000;
/** Rows shown in the preview and scanned for identifiers. */
export const SAMPLE_ROWS = 200;

export interface FileProfile {
	rows: number;
	columns: ColumnProfile[];
	/** The first SAMPLE_ROWS rows, cells in header order, with their row numbers. */
	sample: { row: number; cells: (string | null)[] }[];
}

/** Columns counted in one query: a very wide file (10,000 columns) in one would take the whole memory. */
const COUNTED_TOGETHER = 250;

/** Rows, and each column's filled and (estimated) distinct values, as f_<column> and d_<column>. */
async function columnCounts(db: Connector, columns: readonly string[]): Promise<Record<string, number>> {
	if (columns.length === 0) return { rows: 0 };
	const counts: Record<string, number> = {};
	for (let start = 0; start < columns.length; start += COUNTED_TOGETHER) {
		const part = columns.slice(start, start + COUNTED_TOGETHER);
		const [row] = await db.query<Record<string, number>>(
			`SELECT count(*)::INTEGER AS rows, ${part
				.map((c) => `count(${quoteIdentifier(c)})::INTEGER AS ${quoteIdentifier(`f_${c}`)}, approx_count_distinct(${quoteIdentifier(c)})::INTEGER AS ${quoteIdentifier(`d_${c}`)}`)
				.join(', ')} FROM ${RAW_TABLE}`
		);
		Object.assign(counts, row);
	}
	return counts;
}

/** Profiles every staged column: counts for many columns at once, then the values of the few-valued filled ones. */
export async function profileColumns(db: Connector, staged: StagedFile): Promise<FileProfile> {
	const { columns, headers } = staged;
	const row = await columnCounts(db, columns);
	const profiles: ColumnProfile[] = [];
	for (const [i, column] of columns.entries()) {
		const distinct = Number(row[`d_${column}`] ?? 0);
		const listed = distinct > CATEGORY_SCAN_LIMIT || !row[`f_${column}`] ? [] : await db.query<{ value: string; rows: number }>(
			`SELECT ${quoteIdentifier(column)} AS value, count(*)::INTEGER AS rows FROM ${RAW_TABLE}
			 WHERE ${quoteIdentifier(column)} IS NOT NULL GROUP BY 1 ORDER BY rows DESC, value LIMIT ${CATEGORY_LIMIT}`
		);
		const topValues = listed;
		const exact = listed.length < CATEGORY_LIMIT ? listed.length : distinct;
		profiles.push({ header: headers[i], column, filled: Number(row[`f_${column}`] ?? 0), distinct: exact, topValues });
	}
	const sampleRows = await db.query<Record<string, string | null>>(
		`SELECT * FROM ${RAW_TABLE} ORDER BY __row LIMIT ${SAMPLE_ROWS}`
	);
	return {
		rows: Number(row.rows),
		columns: profiles,
		sample: sampleRows.map((r) => ({ row: Number(r.__row), cells: columns.map((c) => r[c] ?? null) }))
	};
}
