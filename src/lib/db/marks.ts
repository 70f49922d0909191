/** Marks in the page's performance timeline, read by the e2e tests and the benchmark. */
export const MARKS = {
	start: 'outcomes:duckdb-start',
	instantiated: 'outcomes:duckdb-ready',
	loaded: 'outcomes:data-loaded',
	/** The first chart drawn: from a preview (the overview's remembered first view) or from the database. */
	firstChart: 'outcomes:first-chart',
	/** The overview's first figures computed by the database drawn (a preview confirmed, or the first figures). */
	firstResult: 'outcomes:first-result',
	/** Every overview chart redrawn for a new result, and the frame painted. */
	overviewDrawn: 'outcomes:overview-drawn',
	/** The overview's rollups built: filter changes without a therapist or clinic no longer read every session. */
	rollupsBuilt: 'outcomes:rollups-built',
	/** An overview computed from the rollups. */
	overviewFromRollups: 'outcomes:overview-from-rollups',
	/** The database's tables compressed in memory (see compactTables). */
	tablesCompacted: 'outcomes:tables-compacted'
} as const;

/** Durations in the page's performance timeline. */
export const MEASURES = {
	overviewQueries: 'outcomes:overview-queries'
} as const;
