/**
 * The row numbers (the header is row 1) of the empty lines between rows of CSV text: a spreadsheet shows each as
 * an empty row, and DuckDB's reader skips it (with more than one column) yet counts it in its line numbers.
 * Quotes are followed as the reader follows them (a quote opens a field only at its start, "" inside is a quote),
 * so a newline inside a quoted field ends no row. Empty lines at the end are not rows.
 */
export function blankLineRows(text: string, delimiter: string): number[] {
	// Most files have no two line breaks in a row, and so no empty line: no need to walk them.
	if (!/\n[\r\n]|\r\r|\r\n\r/.test(text)) return [];
	const blank: number[] = [];
	let row = 1;
	let lastFilled = 0;
	let empty = true;
	let fieldStart = true;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') i++;
			else if (ch === '"') quoted = false;
			continue;
		}
		if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			if (empty) blank.push(row);
			row++;
			empty = true;
			fieldStart = true;
			continue;
		}
		if (empty) lastFilled = row;
		empty = false;
		if (ch === '"' && fieldStart) quoted = true;
		fieldStart = ch === delimiter;
	}
	return blank.filter((r) => r < lastFilled);
}
