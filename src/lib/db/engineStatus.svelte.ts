/** What the page tells a person about the database engine stopping and being started again. */
export interface EngineNotice {
	tone: 'working' | 'done' | 'failed';
	text: string;
}

/**
 * The shown database's engine, for every page: when it stops by itself it is started again with the same data,
 * and `generation` counts those restarts so the pages are drawn afresh on the new database (their choices are in
 * the URL, so they come back as they were).
 */
class EngineStatus {
	generation = $state(0);
	notice = $state<EngineNotice | null>(null);
	/** The query server's address when the data shown are on one (remoteConnector.ts); null when they are in this tab. */
	served = $state<string | null>(null);

	dismiss(): void {
		this.notice = null;
	}
}

export const engineStatus = new EngineStatus();
