/**
 * What the statement guard sees of SQL text: words, symbols and parameters, with string literals, quoted names and
 * comments read past as DuckDB's lexer (Postgres-derived) reads them. A word inside quotes or a comment is not a
 * keyword, so `SELECT 'COPY'` and `/* COPY *\/ SELECT 1` are what they look like to DuckDB.
 */
export type SqlToken =
	/** A keyword or unquoted name; `upper` for comparing with keywords. */
	| { kind: 'word'; upper: string; start: number }
	/** A quoted name, a string (also `E'…'` and `$tag$…$tag$`): never a keyword. */
	| { kind: 'quoted'; start: number }
	/** A value placeholder: `?`, `$1` or `$name`. */
	| { kind: 'parameter'; text: string; start: number }
	/** Any other character: `(`, `)`, `;`, operators, digits. */
	| { kind: 'symbol'; text: string; start: number };

export interface SqlTokens {
	tokens: SqlToken[];
	/** A quote or comment left open, which would swallow the rest of the text. */
	problem: string | null;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_QUOTE = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const DOLLAR_PARAMETER = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/;

/** Splits SQL text into tokens, skipping whitespace, comments and the inside of quotes. */
export function sqlTokens(sql: string): SqlTokens {
	const tokens: SqlToken[] = [];
	let i = 0;
	const open = (what: string, at: number): SqlTokens => ({ tokens, problem: `${what} opened at character ${at + 1} is not closed` });
	while (i < sql.length) {
		const c = sql[i];
		if (/\s/.test(c)) {
			i++;
		} else if (sql.startsWith('--', i)) {
			const end = sql.indexOf('\n', i);
			i = end === -1 ? sql.length : end + 1;
		} else if (sql.startsWith('/*', i)) {
			// Block comments nest, as in Postgres and DuckDB.
			const start = i;
			let depth = 0;
			do {
				if (sql.startsWith('/*', i)) (depth++, (i += 2));
				else if (sql.startsWith('*/', i)) (depth--, (i += 2));
				else i++;
			} while (depth > 0 && i < sql.length);
			if (depth > 0) return open('A /* comment', start);
		} else if (c === "'" || c === '"') {
			const end = closingQuote(sql, i, c, false);
			if (end === -1) return open(c === "'" ? 'A string' : 'A quoted name', i);
			tokens.push({ kind: 'quoted', start: i });
			i = end;
		} else if ((c === 'E' || c === 'e') && sql[i + 1] === "'" && !WORD_PART.test(sql[i - 1] ?? ' ')) {
			// E'…' strings take backslash escapes.
			const end = closingQuote(sql, i + 1, "'", true);
			if (end === -1) return open('A string', i);
			tokens.push({ kind: 'quoted', start: i });
			i = end;
		} else if (c === '$' && DOLLAR_QUOTE.test(sql.slice(i, i + 200))) {
			const tag = DOLLAR_QUOTE.exec(sql.slice(i, i + 200))![0];
			const end = sql.indexOf(tag, i + tag.length);
			if (end === -1) return open(`A ${tag} string`, i);
			tokens.push({ kind: 'quoted', start: i });
			i = end + tag.length;
		} else if (c === '?' || (c === '$' && DOLLAR_PARAMETER.test(sql.slice(i, i + 100)))) {
			const text = c === '?' ? '?' : DOLLAR_PARAMETER.exec(sql.slice(i, i + 100))![0];
			tokens.push({ kind: 'parameter', text, start: i });
			i += text.length;
		} else if (WORD_START.test(c)) {
			const start = i;
			while (i < sql.length && WORD_PART.test(sql[i])) i++;
			tokens.push({ kind: 'word', upper: sql.slice(start, i).toUpperCase(), start });
		} else {
			tokens.push({ kind: 'symbol', text: c, start: i });
			i++;
		}
	}
	return { tokens, problem: null };
}

/** The index just past the quote that closes the one at `start`; a doubled quote is part of the text. */
function closingQuote(sql: string, start: number, quote: string, backslashes: boolean): number {
	let i = start + 1;
	while (i < sql.length) {
		if (backslashes && sql[i] === '\\') i += 2;
		else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
		else if (sql[i] === quote) return i + 1;
		else i++;
	}
	return -1;
}
