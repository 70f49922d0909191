import { describe, expect, it } from 'vitest';
import { guardStatement, sqlTokens } from '$lib/sqlConsole';

/** Statements the console must refuse, the kind it names, and words its message must contain. */
const REFUSED: [sql: string, statement: string, message: RegExp][] = [
	["COPY sessions TO 'out.csv'", 'COPY', /COPY … TO writes files: the console is read-only; use “Download CSV”/],
	["COPY (SELECT * FROM clients) TO 'clients.csv' (FORMAT csv)", 'COPY', /writes files/],
	["COPY sessions FROM 'sessions.csv'", 'COPY', /reading files or the network is turned off/],
	["ATTACH 'other.duckdb' AS other", 'ATTACH', /cannot open other databases/],
	["attach ':memory:' as m2", 'ATTACH', /cannot open other databases/],
	['DETACH other', 'DETACH', /cannot close databases/],
	['USE other', 'USE', /cannot switch to other databases/],
	['INSTALL httpfs', 'INSTALL', /extensions cannot be installed/],
	['FORCE INSTALL httpfs', 'FORCE', /extensions cannot be installed/],
	['LOAD httpfs', 'LOAD', /extensions cannot be installed/],
	["PRAGMA enable_profiling = 'json'", 'PRAGMA', /the console is read-only/],
	['SET enable_external_access = true', 'SET', /the console is read-only/],
	['RESET lock_configuration', 'RESET', /the console is read-only/],
	['SET VARIABLE x = 1', 'SET', /the console is read-only/],
	['CREATE TABLE t AS SELECT 1', 'CREATE', /the console is read-only/],
	['CREATE TEMP TABLE t (a INT)', 'CREATE', /the console is read-only/],
	['CREATE MACRO m(x) AS x + 1', 'CREATE', /the console is read-only/],
	["INSERT INTO sessions (session_id) VALUES ('S1')", 'INSERT', /the console is read-only/],
	["UPDATE sessions SET pressure = 'deep'", 'UPDATE', /the console is read-only/],
	['DELETE FROM sessions', 'DELETE', /the console is read-only/],
	['DROP TABLE sessions', 'DROP', /the console is read-only/],
	['ALTER TABLE sessions ADD COLUMN x INT', 'ALTER', /the console is read-only/],
	['TRUNCATE sessions', 'TRUNCATE', /the console is read-only/],
	['CHECKPOINT', 'CHECKPOINT', /the console is read-only/],
	['BEGIN TRANSACTION', 'BEGIN', /the console is read-only/],
	["EXPORT DATABASE 'dump'", 'EXPORT', /writes files/],
	["IMPORT DATABASE 'dump'", 'IMPORT', /reads files/],
	['CALL pragma_version()', 'CALL', /SELECT \* FROM function/],
	['PIVOT sessions ON pressure USING count(*)', 'PIVOT', /write it inside a query/],
	['EXECUTE p', 'EXECUTE', /the console is read-only/],
	['GRANT SELECT ON sessions TO x', 'GRANT', /the console is read-only/],
	['VACUUM', 'VACUUM', /the console is read-only/],
	// Several statements, however they are spaced or hidden.
	['SELECT 1; DROP TABLE sessions', 'several statements', /Only one statement runs at a time, and this text has 2 \(the second starts “DROP TABLE sessions”\)/],
	['SELECT 1;\n-- harmless\nDROP TABLE sessions;', 'several statements', /has 2/],
	["SELECT ';'; COPY sessions TO 'x'", 'several statements', /has 2/],
	// Comments and quotes do not hide or fake keywords.
	["/* SELECT */ COPY sessions TO 'x.csv'", 'COPY', /writes files/],
	["-- SELECT\nCOPY sessions TO 'x.csv'", 'COPY', /writes files/],
	["/* nested /* SELECT */ still a comment */ COPY sessions TO 'x.csv'", 'COPY', /writes files/],
	["\"SELECT\" FROM sessions", 'not a query', /does not start with a keyword/],
	// Writes inside a query.
	["WITH x AS (INSERT INTO sessions (session_id) VALUES ('S1') RETURNING *) SELECT * FROM x", 'INSERT', /read-only/],
	['WITH x AS MATERIALIZED (DELETE FROM sessions RETURNING *) SELECT * FROM x', 'DELETE', /read-only/],
	['WITH x AS (SELECT 1) DELETE FROM sessions', 'DELETE', /read-only/],
	['WITH x AS (SELECT 1) INSERT INTO sessions SELECT * FROM x', 'INSERT', /read-only/],
	["SELECT * FROM (COPY sessions TO 'x.csv')", 'COPY', /writes files/],
	['SELECT * FROM (DROP TABLE sessions)', 'DROP', /read-only/],
	["SELECT * FROM (UPDATE sessions SET pressure = 'deep' RETURNING *)", 'UPDATE', /read-only/],
	['(ATTACH ":memory:" AS m)', 'ATTACH', /cannot open other databases/],
	// EXPLAIN is a query only when what it explains is.
	["EXPLAIN COPY sessions TO 'x.csv'", 'COPY', /writes files/],
	['EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1', 'CREATE', /read-only/],
	['EXPLAIN ANALYZE DELETE FROM sessions', 'DELETE', /read-only/],
	['EXPLAIN', 'EXPLAIN', /must be followed by a query/],
	// Escaping the console's own parentheses.
	['SELECT 1) AS q; DROP TABLE sessions; SELECT * FROM (SELECT 1', 'several statements', /has 3/],
	['SELECT 1) AS a, (SELECT 2', 'parentheses', /closes a parenthesis that was never opened/],
	['SELECT (1', 'parentheses', /opened and not closed/],
	// Placeholders would take the console's own bound values.
	['SELECT ? AS x', 'parameter', /“\?” cannot be given a value/],
	['SELECT $1 AS x', 'parameter', /“\$1”/],
	['SELECT $name AS x', 'parameter', /“\$name”/],
	// Unclosed quotes and comments.
	["SELECT 'abc", 'unclosed quote', /A string opened at character 8 is not closed/],
	['SELECT 1 /* comment', 'unclosed quote', /A \/\* comment opened at character 10/],
	['SELECT $$abc', 'unclosed quote', /A \$\$ string/],
	['', 'nothing', /no statement to run/],
	[' ;; -- only a comment', 'nothing', /no statement to run/],
	['HELLO world', 'HELLO', /“HELLO” does not start a query/]
];

/** Queries the console must accept, with the text it runs. */
const ACCEPTED: [sql: string, runs: string][] = [
	['SELECT 1', 'SELECT 1'],
	['select 1;', 'select 1'],
	['SELECT 1;  -- done\n', 'SELECT 1'],
	['  SELECT 1 ;;', 'SELECT 1'],
	['; ;SELECT 1;', 'SELECT 1'],
	['-- a note\nSELECT 1', '-- a note\nSELECT 1'],
	['WITH x AS (SELECT 1 AS a) SELECT * FROM x', 'WITH x AS (SELECT 1 AS a) SELECT * FROM x'],
	['WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t'],
	['FROM sessions', 'FROM sessions'],
	['FROM sessions SELECT session_id LIMIT 5', 'FROM sessions SELECT session_id LIMIT 5'],
	['VALUES (1), (2)', 'VALUES (1), (2)'],
	['TABLE sessions', 'TABLE sessions'],
	['DESCRIBE sessions', 'DESCRIBE sessions'],
	['DESCRIBE SELECT * FROM sessions', 'DESCRIBE SELECT * FROM sessions'],
	['SHOW TABLES', 'SHOW TABLES'],
	['SUMMARIZE sessions', 'SUMMARIZE sessions'],
	['(SELECT 1) UNION ALL (SELECT 2)', '(SELECT 1) UNION ALL (SELECT 2)'],
	["SELECT 'COPY x TO y; DROP TABLE sessions' AS text", "SELECT 'COPY x TO y; DROP TABLE sessions' AS text"],
	["SELECT 'it''s' AS a, E'\\'; DROP' AS b, $$;$$ AS c, $t$ ' ; $t$ AS d", "SELECT 'it''s' AS a, E'\\'; DROP' AS b, $$;$$ AS c, $t$ ' ; $t$ AS d"],
	['SELECT "update", "delete" FROM (SELECT 1 AS "update", 2 AS "delete")', 'SELECT "update", "delete" FROM (SELECT 1 AS "update", 2 AS "delete")'],
	["SELECT upper(replace(primary_technique, '_', ' ')) FROM sessions", "SELECT upper(replace(primary_technique, '_', ' ')) FROM sessions"],
	['SELECT * REPLACE (upper(pressure) AS pressure) FROM sessions', 'SELECT * REPLACE (upper(pressure) AS pressure) FROM sessions'],
	["SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')"],
	['SELECT /* ; */ 1 -- ;', 'SELECT /* ; */ 1 -- ;'],
	['SELECT json_extract(x, \'$.a\') FROM (SELECT 1 AS x)', 'SELECT json_extract(x, \'$.a\') FROM (SELECT 1 AS x)'],
	['SELECT * FROM sessions PIVOT (count(*) FOR pressure IN (\'light\', \'deep\'))', "SELECT * FROM sessions PIVOT (count(*) FOR pressure IN ('light', 'deep'))"]
];

describe('the SQL console’s statement guard', () => {
	it.each(REFUSED)('refuses %j', (sql, statement, message) => {
		const guarded = guardStatement(sql);
		expect(guarded.ok).toBe(false);
		if (guarded.ok) return;
		expect(guarded.statement).toBe(statement);
		expect(guarded.message).toMatch(message);
	});

	it.each(ACCEPTED)('accepts %j', (sql, runs) => {
		expect(guardStatement(sql)).toEqual({ ok: true, kind: 'query', sql: runs });
	});

	it('accepts EXPLAIN and EXPLAIN ANALYZE of a query, keeping the query to explain', () => {
		expect(guardStatement('EXPLAIN SELECT 1;')).toEqual({ ok: true, kind: 'explain', analyze: false, sql: 'SELECT 1' });
		expect(guardStatement('explain analyze FROM sessions')).toEqual({ ok: true, kind: 'explain', analyze: true, sql: 'FROM sessions' });
		expect(guardStatement(' ; -- plan\nEXPLAIN (SELECT 1) ;')).toEqual({ ok: true, kind: 'explain', analyze: false, sql: '(SELECT 1)' });
	});

	it('reads quotes and comments as DuckDB does', () => {
		const words = (sql: string) => sqlTokens(sql).tokens.flatMap((t) => (t.kind === 'word' ? [t.upper] : []));
		expect(words("SELECT 'COPY' /* ATTACH */ -- INSTALL\n, \"LOAD\", $x$ DROP $x$, E'\\' SET'")).toEqual(['SELECT']);
		expect(words('SELECT a$b FROM t')).toEqual(['SELECT', 'A$B', 'FROM', 'T']);
	});
});
