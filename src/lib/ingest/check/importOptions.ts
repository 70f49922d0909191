/** What the person chose for privacy and for where the rows go. */
export interface ImportOptions {
	/** Replace client ids with random pseudonyms; the key stays in this page's memory for the custodian to download. */
	pseudonymiseClients: boolean;
	/** Keep visit dates as they are, or keep only their month (the charts need no more). */
	dates: 'exact' | 'month';
	/** Headers the person dropped: never read, whatever the mapping says. */
	droppedColumns: readonly string[];
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { pseudonymiseClients: false, dates: 'month', droppedColumns: [] };
