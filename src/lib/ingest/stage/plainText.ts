import { ImportFileError } from '../importFileError';

/** Control characters no text export writes (not tab, line feed, vertical tab, form feed or carriage return). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** How much of a file is looked at to tell text from binary, and the share of control characters that says binary. */
const SNIFF_CHARS = 1 << 20;
const BINARY_SHARE = 0.02;

export interface PlainText {
	text: string;
	/** What was changed, for the person importing to read. */
	notes: string[];
}

/**
 * Decoded CSV text as DuckDB's reader can take it. Binary content (another format, a damaged or encrypted file) is
 * refused by name rather than read as rows of garbage. NUL characters, which no export means and which no SQL
 * literal can hold, are removed and counted. Line breaks of more than one kind (files pasted together, a line
 * break typed in a cell on a Mac) all become line feeds: DuckDB's reader follows one kind only.
 */
export function plainCsvText(text: string, source: string): PlainText {
	const sniffed = text.slice(0, SNIFF_CHARS);
	const controls = sniffed.match(CONTROL)?.length ?? 0;
	if (controls >= 8 && controls > sniffed.length * BINARY_SHARE) {
		const first = sniffed.search(CONTROL);
		throw new ImportFileError(
			source,
			`this does not look like a CSV or text file: ${controls.toLocaleString('en-CA')} of its first ${sniffed.length.toLocaleString('en-CA')} characters ` +
				`are control characters (the first at character ${first + 1}). It may be an Excel, Parquet or compressed file, or damaged. ` +
				'If it is Excel, Parquet or JSON, give it that file extension; otherwise export the data again as CSV.'
		);
	}
	const notes: string[] = [];
	let plain = text;
	if (plain.includes('\u0000')) {
		const count = plain.split('\u0000').length - 1;
		plain = plain.replaceAll('\u0000', '');
		notes.push(`${count.toLocaleString('en-CA')} NUL character${count === 1 ? ' was' : 's were'} removed from the text; no export writes them on purpose.`);
	}
	if (plain.includes('\r') && plain.includes('\n') && /\r(?!\n)|(?<!\r)\n/.test(plain)) plain = plain.replace(/\r\n?/g, '\n');
	return { text: plain, notes };
}
