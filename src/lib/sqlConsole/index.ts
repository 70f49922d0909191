export { guardStatement, QUERY_KEYWORDS, type GuardedStatement } from './statementGuard';
export { sqlTokens, type SqlToken } from './sqlTokens';
export {
	assertLocked,
	MAX_RESULT_ROWS,
	PAGE_SIZE,
	pageCount,
	resultColumn,
	rowsInMemory,
	runGuarded,
	type PagedResult,
	type ResultColumn,
	type ResultRow
} from './pagedQuery';
export { duckdbMessage, explainError } from './errorExplanation';
export { HISTORY_KEY, HISTORY_SIZE, readHistory, withQuery, writeHistory, type HistoryEntry, type HistoryStorage } from './queryHistory';
export { browseQuery, querySchema, type SchemaTable } from './schema';
export { countLikeColumns, findSmallCounts, type SmallCount } from './smallCounts';
export { resultCsv } from './resultCsv';
