import { sqlTokens, type SqlToken } from './sqlTokens';

/**
 * The statements the console runs. Each is a query DuckDB's grammar accepts as a subquery, so the console can run
 * it as `SELECT * FROM (…)`; EXPLAIN shows the plan of such a query. PIVOT is left out: DuckDB runs a PIVOT
 * statement as several statements, which cannot be a subquery (write `FROM t PIVOT (… FOR c IN (…))` instead).
 */
export const QUERY_KEYWORDS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'UNPIVOT'] as const;

/** What the console may run, as the guard read it. */
export type GuardedStatement =
	/** A query, to run as a subquery. `sql` is the one statement without its trailing semicolon. */
	| { ok: true; kind: 'query'; sql: string }
	/** EXPLAIN [ANALYZE] of a query; `sql` is the query after it. */
	| { ok: true; kind: 'explain'; analyze: boolean; sql: string }
	/** Not run: `statement` names what it is (`COPY`, `ATTACH`, …) and `message` says why. */
	| { ok: false; statement: string; message: string };

const QUERY_LIST = 'SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE and EXPLAIN';
const READ_ONLY = `the console is read-only and runs queries only (${QUERY_LIST})`;
const SAVE_HINT = 'use “Download CSV” under the results to save a result';
const NO_FILES = 'reading files or the network is turned off in the console; the data are already loaded as tables';

/** Why a statement that is not a query is refused, by its first keyword. */
const REFUSALS: Record<string, string> = {
	ATTACH: 'ATTACH cannot open other databases: the console works only on the dataset shown',
	DETACH: 'DETACH cannot close databases: the console works only on the dataset shown',
	USE: 'USE cannot switch to other databases: the console works only on the dataset shown',
	INSTALL: 'INSTALL: extensions cannot be installed or loaded in the console',
	FORCE: 'FORCE INSTALL: extensions cannot be installed or loaded in the console',
	LOAD: 'LOAD: extensions cannot be installed or loaded in the console',
	EXPORT: `EXPORT DATABASE writes files: the console is read-only; ${SAVE_HINT}`,
	IMPORT: `IMPORT DATABASE reads files: ${NO_FILES}`,
	CALL: `CALL runs a procedure: ${READ_ONLY}. To read a table function, write SELECT * FROM function(…)`,
	PIVOT: 'A PIVOT statement runs as several statements, which the console cannot page: write it inside a query, SELECT * FROM table PIVOT (count(*) FOR column IN (…))'
};

/** Statements that change the data, the schema, the settings or the session. */
const WRITES = new Set([
	'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'REPLACE', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'COMMENT',
	'PRAGMA', 'SET', 'RESET', 'CHECKPOINT', 'VACUUM', 'ANALYZE', 'BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT',
	'PREPARE', 'EXECUTE', 'DEALLOCATE', 'GRANT', 'REVOKE', 'COPY', 'ATTACH', 'DETACH', 'USE', 'INSTALL', 'FORCE', 'LOAD',
	'EXPORT', 'IMPORT', 'CALL'
]);

/** Data-changing statements that Postgres lets a WITH clause hold (DuckDB refuses them too). */
const DATA_CHANGES = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** Statements that could be written inside parentheses; none is also the name of a function or a likely column. */
const NESTABLE_WRITES = new Set([
	...DATA_CHANGES, 'COPY', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'ATTACH', 'DETACH', 'INSTALL', 'PRAGMA', 'EXPORT', 'IMPORT', 'CALL', 'VACUUM'
]);

function refusal(keyword: string, tokens: readonly SqlToken[]): string {
	if (keyword === 'COPY') {
		const writes = tokens.some((t) => t.kind === 'word' && t.upper === 'TO');
		return writes ? `COPY … TO writes files: the console is read-only; ${SAVE_HINT}` : `COPY … FROM reads files: ${NO_FILES}`;
	}
	return REFUSALS[keyword] ?? `${keyword} changes the database or its settings: ${READ_ONLY}`;
}

const refuse = (statement: string, message: string): GuardedStatement => ({ ok: false, statement, message: `${message}.` });

/** The one statement in the text: its tokens and where it ends (before its semicolon); or why there is not one. */
function oneStatement(sql: string, tokens: readonly SqlToken[]): { tokens: SqlToken[]; sql: string; end: number } | GuardedStatement {
	const statements: SqlToken[][] = [[]];
	const ends: number[] = [];
	for (const token of tokens) {
		if (token.kind === 'symbol' && token.text === ';') {
			ends.push(token.start);
			statements.push([]);
		} else statements[statements.length - 1].push(token);
	}
	const filled = statements.filter((s) => s.length > 0);
	if (filled.length === 0) return refuse('nothing', 'There is no statement to run: write a query');
	if (filled.length > 1) {
		const second = filled[1][0];
		const preview = sql.slice(second.start, second.start + 40).split('\n')[0];
		return refuse(
			'several statements',
			`Only one statement runs at a time, and this text has ${filled.length} (the second starts “${preview}”): run them one by one`
		);
	}
	const index = statements.indexOf(filled[0]);
	const start = index === 0 ? 0 : ends[index - 1] + 1;
	const end = index < ends.length ? ends[index] : sql.length;
	return { tokens: filled[0], sql: sql.slice(start, end).trim(), end };
}

/** Checks the parentheses: a `)` that closes more than was opened would step outside the console's subquery. */
function parenthesesProblem(tokens: readonly SqlToken[]): string | null {
	let depth = 0;
	for (const token of tokens) {
		if (token.kind !== 'symbol') continue;
		if (token.text === '(') depth++;
		if (token.text === ')' && --depth < 0) return `The “)” at character ${token.start + 1} closes a parenthesis that was never opened`;
	}
	return depth > 0 ? `${depth === 1 ? 'A parenthesis is' : `${depth} parentheses are`} opened and not closed` : null;
}

const isSymbol = (token: SqlToken | undefined, text: string) => token?.kind === 'symbol' && token.text === text;

/**
 * A statement nested in the query: `(INSERT …` (but not a function call such as `(replace(…`), or a data change
 * after a WITH clause at the top level, `WITH x AS (…) DELETE …`.
 */
function nestedWrite(tokens: readonly SqlToken[]): string | null {
	let depth = 0;
	for (const [i, token] of tokens.entries()) {
		if (isSymbol(token, '(')) depth++;
		if (isSymbol(token, ')')) depth--;
		if (token.kind !== 'word' || i === 0 || isSymbol(tokens[i + 1], '(')) continue;
		if (isSymbol(tokens[i - 1], '(') && NESTABLE_WRITES.has(token.upper)) return token.upper;
		if (depth === 0 && isSymbol(tokens[i - 1], ')') && DATA_CHANGES.has(token.upper)) return token.upper;
	}
	return null;
}

/** The first word of a query, past any opening parentheses: `(SELECT 1) UNION (SELECT 2)` starts with SELECT. */
function firstKeyword(tokens: readonly SqlToken[]): { keyword: string; index: number } | null {
	let i = 0;
	while (isSymbol(tokens[i], '(')) i++;
	const token = tokens[i];
	if (token?.kind !== 'word') return null;
	return { keyword: token.upper, index: i };
}

/**
 * The console's first layer: accepts exactly one query (or EXPLAIN of one) and refuses everything else with a message
 * naming the statement. Pure text analysis; DuckDB's own parser then checks the query again when the console runs
 * it as a subquery, and the database itself cannot reach files or the network. The query server (src/server) guards
 * every request with it too, with `boundParameters`: its requests carry the values of their placeholders.
 */
export function guardStatement(text: string, options: { boundParameters?: boolean } = {}): GuardedStatement {
	const lexed = sqlTokens(text);
	if (lexed.problem) return refuse('unclosed quote', `${lexed.problem}: close it, or the rest of the text is swallowed`);
	const one = oneStatement(text, lexed.tokens);
	if ('ok' in one) return one;
	const { tokens, sql, end } = one;

	const first = firstKeyword(tokens);
	if (!first) return refuse('not a query', `The text does not start with a keyword: the console runs ${QUERY_LIST} statements`);
	let query = { ...first, tokens };
	let explain: { analyze: boolean } | null = null;
	if (first.keyword === 'EXPLAIN' && first.index === 0) {
		const analyze = tokens[1]?.kind === 'word' && (tokens[1].upper === 'ANALYZE' || tokens[1].upper === 'ANALYSE');
		const rest = tokens.slice(analyze ? 2 : 1);
		const inner = firstKeyword(rest);
		if (!inner) return refuse('EXPLAIN', `EXPLAIN must be followed by a query (${QUERY_LIST.replace(' and EXPLAIN', '')})`);
		query = { ...inner, tokens: rest };
		explain = { analyze };
	}
	const keyword = query.keyword;
	if (!(QUERY_KEYWORDS as readonly string[]).includes(keyword)) {
		if (WRITES.has(keyword) || keyword in REFUSALS) return refuse(keyword, refusal(keyword, query.tokens));
		return refuse(keyword, `“${keyword}” does not start a query: the console runs ${QUERY_LIST} statements only`);
	}
	const parameter = tokens.find((t) => t.kind === 'parameter');
	if (parameter?.kind === 'parameter' && !options.boundParameters) {
		return refuse('parameter', `The placeholder “${parameter.text}” cannot be given a value in the console: write the value into the query`);
	}
	const parentheses = parenthesesProblem(tokens);
	if (parentheses) return refuse('parentheses', parentheses);
	const nested = nestedWrite(query.tokens);
	if (nested) return refuse(nested, refusal(nested, query.tokens));

	if (!explain) return { ok: true, kind: 'query', sql };
	return { ok: true, kind: 'explain', analyze: explain.analyze, sql: text.slice(query.tokens[0].start, end).trim() };
}
