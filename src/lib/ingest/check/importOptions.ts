/** What the person chose for privacy and for where the rows go. */
export interface ImportOptions {
	/** Replace client ids with pseudonyms (keyed with the dataset's secret salt); the key can be downloaded by the custodian. */
	pseudonymiseClients: boolean;
	/** Keep visit dates as they are, or keep only their month (the charts need no more). */
	dates: 'exact' | 'month';
	/** Headers the person dropped: never read, whatever the mapping says. */
	droppedColumns: readonly string[];
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { pseudonymiseClients: false, dates: 'month', droppedColumns: [] };
