import { z } from '$lib/schema/zod';

/**
 * How the page and a query server (`npm run serve:db`) talk: JSON in, Arrow IPC out, the token as a bearer
 * credential on every request. Defined once here for both ends.
 */
export const QUERY_PATH = '/api/query';
export const DATASET_PATH = '/api/dataset';
/** The media type of a query's result: an Arrow IPC stream. */
export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';
/** A request's body is refused past this size: the app's longest query is a few kilobytes. */
export const MAX_REQUEST_BYTES = 256 * 1024;
/** A result is refused past this many rows: the SQL console asks for a million and one, to tell that there are more. */
export const MAX_SENT_ROWS = 1_000_001;

/** One query with its bound parameters, as the page sends it. */
export const QueryRequest = z
	.object({
		sql: z.string().min(1).max(MAX_REQUEST_BYTES),
		params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(10_000).default([])
	})
	.strict();
export type QueryRequest = z.infer<typeof QueryRequest>;

/** What a server holds, as it tells the page (GET DATASET_PATH). */
export interface ServerDataset {
	/** The served file's or folder's name. */
	name: string;
	/** How the data were read: a database file, a folder of the four tables, or clinic exports imported. */
	kind: 'database' | 'tables' | 'exports';
	/** The files read, by name. */
	files: string[];
	sessions: number;
	measurements: number;
	clients: number;
	/** What a person should know about the rows read (rows refused by the import's check, per file). */
	notes: string[];
}

/** A refused or failed request: what went wrong and what to do, never a stack. */
export interface ServerError {
	error: string;
}

/** The bearer credential a request carries. */
export const authorization = (token: string) => `Bearer ${token}`;
