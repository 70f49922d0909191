import { QueryError } from '$lib/db';
import { errorMessage } from '$lib/errorMessage';

/** Plain words for DuckDB errors the console can recognise, shown under DuckDB's own text. */
const EXPLANATIONS: readonly { pattern: RegExp; text: string }[] = [
	{
		pattern: /disabled (by|through) configuration/i,
		text: 'Reading files or the network is turned off in the console, and so is loading extensions: the data are already loaded as tables (listed under “Tables and columns”).'
	},
	{
		pattern: /exists in the \w+ extension/i,
		text: 'That function or type belongs to a DuckDB extension, and extensions cannot be installed or loaded in the console.'
	},
	{ pattern: /Table with name .* does not exist/i, text: 'No table or view has that name: they are listed under “Tables and columns”.' },
	{
		pattern: /Referenced column .* not found/i,
		text: 'A column name is not in the tables the query reads: check its spelling under “Tables and columns”.'
	},
	{ pattern: /No function matches/i, text: 'No function takes arguments of these types: a cast such as ::DOUBLE or ::VARCHAR may help.' },
	{ pattern: /A CTE needs a SELECT/i, text: 'A WITH clause may hold only queries: the console is read-only.' },
	{
		pattern: /Cannot prepare multiple statements/i,
		text: 'DuckDB runs this query as several statements, which the console cannot do (a PIVOT statement is one): write PIVOT inside a query with an explicit IN list.'
	},
	{ pattern: /out of memory/i, text: 'The query needs more memory than this browser tab has: aggregate, filter or add a LIMIT.' },
	{ pattern: /Parser Error/i, text: 'DuckDB could not read the SQL: look where the caret (^) points.' },
	{
		pattern: /^LINE \d+:/m,
		text: 'DuckDB counts lines from the console’s own first line, so its LINE 2 is your first line; the text after “LINE” is yours.'
	}
];

/** What DuckDB said, without the app's "query failed:" prefix: the text to show as it is. */
export function duckdbMessage(error: unknown): string {
	return error instanceof QueryError ? errorMessage(error.cause) : errorMessage(error);
}

/** The explanations that apply to a DuckDB error message, in order; none when it is not recognised. */
export function explainError(message: string): string[] {
	return EXPLANATIONS.filter((e) => e.pattern.test(message)).map((e) => e.text);
}
