/** Bracketed text that is only a unit or a range ("(0-10)", "[mm]", "(min)"), not a word that names the column. */
const UNIT_WORDS = new Set([
	'mm', 'cm', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'deg', 'degree', 'degrees',
	'pt', 'pts', 'point', 'points', 'yr', 'yrs', 'year', 'years', 'percent', 'score', 'scale', 'out', 'of', 'to'
]);

/** Short forms a header may use, as the word they stand for. */
const ABBREVIATIONS: Record<string, string> = {
	appt: 'appointment', tx: 'treatment', dx: 'diagnosis', no: 'number', nbr: 'number', num: 'number', nr: 'number'
};

/**
 * Lower-case words of a text: accents folded, letter/digit runs split ("PSS10" → pss 10), punctuation dropped;
 * camelCase split too when asked (headers such as "ClientID", not values such as "TrP").
 */
export function words(text: string, splitCamelCase = false): string[] {
	const folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
	const split = splitCamelCase ? folded.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') : folded;
	return split
		.replace(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/gu, ' ')
		.toLowerCase()
		.split(/[^\p{L}\d]+/u)
		.filter((w) => w !== '');
}

function isUnit(inner: string): boolean {
	const ws = words(inner);
	return /\d/.test(inner) || inner.trim() === '%' || inner.trim() === '°' || (ws.length > 0 && ws.every((w) => UNIT_WORDS.has(w)));
}

/** Text without its bracketed parts: all of them, or only those that are a unit or a range. */
export function dropBrackets(text: string, which: 'units' | 'all'): string {
	return text.replace(/\(([^)]*)\)|\[([^\]]*)\]|\{([^}]*)\}/g, (_whole, a, b, c) =>
		which === 'all' || isUnit(a ?? b ?? c ?? '') ? ' ' : ` ${a ?? b ?? c} `
	);
}

/**
 * A column header as words to match synonyms against: "Pain Before (0-10)" → "pain before", "Client #" →
 * "client number", "Appt_Date" → "appointment date". Brackets that hold a unit or a range are dropped.
 */
export function headerKey(header: string, brackets: 'units' | 'all' = 'units'): string {
	const text = dropBrackets(header, brackets).replace(/#/g, ' number ').replace(/%/g, ' ');
	return words(text, true)
		.map((w) => ABBREVIATIONS[w] ?? w)
		.join(' ');
}

/** A file's value as words to match codes, labels and synonyms against: "Deep-Tissue" → "deep tissue". */
export function valueKey(value: string, brackets: 'units' | 'all' = 'units'): string {
	return words(dropBrackets(value, brackets)).join(' ');
}
