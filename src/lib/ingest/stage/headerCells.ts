import type { Delimiter } from './delimiter';

/**
 * The header row's cells as RFC 4180 reads them (quotes, doubled quotes, delimiters and line breaks inside quotes),
 * made unique and never blank: a blank header becomes "column N", a repeated one gets "_2", "_3"... Reading the
 * header here lets DuckDB read the rows without sniffing, so a broken row further down cannot stop the header.
 */
export function headerCells(text: string, delimiter: Delimiter): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	let i = 0;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') break;
		else cell += ch;
	}
	cells.push(cell);
	const seen = new Map<string, number>();
	return cells.map((raw, index) => {
		const name = raw.trim() === '' ? `column ${index + 1}` : raw.trim();
		const count = (seen.get(name) ?? 0) + 1;
		seen.set(name, count);
		return count === 1 ? name : `${name}_${count}`;
	});
}
