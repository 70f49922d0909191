import type { Delimiter } from './delimiter';

/** The table an uploaded file is read into: every cell as trimmed text (blank as NULL), with its row number. */
export const RAW_TABLE = 'import_raw';

/** A row the CSV reader could not split into the header's columns: rejected whole, never dropped unsaid. */
export type UnreadableRow = {
	row: number;
	reason: string;
	text: string;
};

/** An uploaded file read into the import database, ready to be profiled and mapped. */
export interface StagedFile {
	source: string;
	headers: string[];
	/** The columns of RAW_TABLE in header order (c0, c1...), so headers never need quoting in SQL. */
	columns: string[];
	/** Rows read: the ones in RAW_TABLE plus the unreadable ones. */
	rowsRead: number;
	unreadable: UnreadableRow[];
	/** How the text was read, to say so and to let the person change it. */
	encoding: string;
	delimiter: Delimiter;
	/** Longer header labels, a preset name, identifying headers and notes from an adapter (see TextTable). */
	headerLabels: Record<string, string>;
	preset?: string;
	flaggedIdentifiers: Record<string, string>;
	notes: string[];
	/** For a workbook: its sheets, and the one read. */
	sheets?: string[];
	sheet?: string;
}
