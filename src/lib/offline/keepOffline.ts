import { dev } from '$app/environment';
import { base } from '$app/paths';
import { afterDashboardDrawn } from '$lib/db/afterDashboardDrawn';

/** Marked once the service worker controls the page: from then on, the app works without a connection. */
export const OFFLINE_READY_MARK = 'outcomes:offline-ready';

/**
 * Keeps the app in this browser so it works offline (see src/service-worker.ts). Waits until the first chart is
 * drawn, or a few seconds, so caching the engine does not slow the start. A browser without service workers
 * still works online.
 */
export async function keepOffline(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	await afterDashboardDrawn(performance.now(), 5000);
	try {
		const container = navigator.serviceWorker;
		await container.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' });
		await container.ready;
		if (!container.controller) await new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }));
		performance.mark(OFFLINE_READY_MARK);
	} catch {
		// No offline copy (storage refused, or service workers blocked): the app works as long as the connection does.
	}
}
