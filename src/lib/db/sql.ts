/**
 * The one escaping function for SQL text that cannot be a bound parameter (file names, identifiers).
 * User values go in as `?` parameters; this is for names the app itself chose or allow-listed.
 */
export function quoteLiteral(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** `?, ?, ?` for a list bound as separate parameters. */
export function placeholders(count: number): string {
	return Array.from({ length: count }, () => '?').join(', ');
}
