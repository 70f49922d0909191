import { textParam, type ViewParams } from '$lib/url/viewParams';

/** What the SQL console's URL holds: the query last run, so a link reruns it. */
export interface SqlView {
	sql: string;
}

export const SQL_PARAMS: ViewParams<SqlView> = { sql: textParam('q') };
