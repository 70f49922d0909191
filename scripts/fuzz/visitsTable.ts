import type { Random } from '../demo-data/random';

/** The headers of a clean wide visits export, the base most hostile CSV files are made from. */
export const VISIT_HEADERS = ['Client', 'Date', 'Technique', 'Condition', 'Pain before', 'Pain after', 'Notes'];

const TECHNIQUES = ['Swedish', 'Deep tissue', 'Trigger point', 'Myofascial release', 'Sports massage'];
const CONDITIONS = ['Low back pain', 'Neck pain', 'Tension headache', 'Fibromyalgia'];

/** Rows of a clean wide visits export: pseudonymous clients, ISO dates, known techniques and conditions, pain 0-10. */
export function visitRows(random: Random, count: number): string[][] {
	return Array.from({ length: count }, (_, i) => {
		const before = random.integer(3, 10);
		const day = String(1 + (i % 28)).padStart(2, '0');
		const month = String(1 + random.integer(0, 11)).padStart(2, '0');
		return [
			`C${String(1 + (i % 40)).padStart(3, '0')}`,
			`2025-${month}-${day}`,
			random.pick(TECHNIQUES),
			random.pick(CONDITIONS),
			String(before),
			String(random.integer(0, before)),
			random.pick(['', 'felt better', 'tight shoulders', 'first visit'])
		];
	});
}

export interface CsvShape {
	delimiter?: string;
	eol?: string;
	/** Quote every cell, not only those that need it. */
	quoteAll?: boolean;
}

function csvCell(cell: string, delimiter: string, quoteAll: boolean): string {
	const needs = quoteAll || cell.includes('"') || cell.includes(delimiter) || /[\r\n]/.test(cell);
	return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A table as CSV text, quoted as RFC 4180 says (or every cell quoted). */
export function csvText(headers: readonly string[], rows: readonly (readonly string[])[], shape: CsvShape = {}): string {
	const { delimiter = ',', eol = '\r\n', quoteAll = false } = shape;
	const line = (cells: readonly string[]) => cells.map((c) => csvCell(c, delimiter, quoteAll)).join(delimiter);
	return [headers, ...rows].map(line).join(eol) + eol;
}

/** A clean visits CSV of `count` rows, as text. */
export function visitsCsv(random: Random, count: number, shape: CsvShape = {}): string {
	return csvText(VISIT_HEADERS, visitRows(random, count), shape);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
