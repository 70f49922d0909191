import type { ServerAddress } from '$lib/db/remoteConnector';

/** The dataset id of a query server's data: there is at most one server connected in a tab. */
export const SERVER_DATASET_ID = 'server';

const KEY = 'massage-outcomes:server';

/**
 * The query server this tab is connected to, kept for this tab's session only (sessionStorage): a reload stays
 * connected, a new tab or a browser restart asks for the token again.
 */
export function connectedServer(): ServerAddress | null {
	try {
		const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ServerAddress | null;
		return value && typeof value.url === 'string' && typeof value.token === 'string' ? value : null;
	} catch {
		return null;
	}
}

export function rememberServer(server: ServerAddress): void {
	sessionStorage.setItem(KEY, JSON.stringify(server));
}

export function forgetServer(): void {
	sessionStorage.removeItem(KEY);
}
