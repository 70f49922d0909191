/** Delimiters a CSV export uses; TSV is the tab. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<Delimiter, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', '|': 'Vertical bar' };

/**
 * The delimiter of a CSV file, from its header line: the candidate found most often outside quotes. The header is
 * the one line every export writes in full, so it decides better than a sample of data rows with blanks.
 */
export function detectDelimiter(text: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
	}
	let best: Delimiter = ',';
	for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}
