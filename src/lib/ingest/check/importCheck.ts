import type { DateFormat, DecimalMark, Layout } from '../importFields';

/** One reason a row cannot be imported: which row, which column, what value, and why. */
export type ImportProblem = {
	row: number;
	/** The file's own header, or null when the whole row is at fault. */
	column: string | null;
	value: string | null;
	reason: string;
};

/** The outcome of checking a mapped file, before anything is imported. Counts always add up. */
export interface ImportCheck {
	source: string;
	layout: Layout;
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	/** What the accepted rows would add. */
	sessions: number;
	measurements: number;
	clients: number;
	/** The first problems in row order (all of them are in the downloadable report). */
	problems: ImportProblem[];
	problemCount: number;
	/** Date format and decimal mark as used, after 'auto' was decided from the values. */
	dateFormat: Exclude<DateFormat, 'auto'>;
	decimalMark: Exclude<DecimalMark, 'auto'>;
	/** Original client id → pseudonym, when pseudonyms were asked for; kept in this page's memory only. */
	pseudonymKey: Map<string, string> | null;
	/** Things worth knowing that reject nothing (e.g. clients whose age band differs between rows). */
	notes: string[];
}

/** A mapping that cannot be checked yet: say what to map. */
export interface MappingProblems {
	mappingProblems: string[];
}

/** The problems shown on the page; the CSV report has them all. */
export const PROBLEMS_SHOWN = 200;
