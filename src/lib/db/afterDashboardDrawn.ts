import { MARKS } from './marks';

/**
 * Resolves once the overview has drawn its first chart after `since` (a performance timestamp), or after `ms`,
 * whichever comes first: background work on the database waits so the dashboard's own queries go first.
 */
export function afterDashboardDrawn(since: number, ms: number): Promise<void> {
	return new Promise((resolve) => {
		const observer = new PerformanceObserver((list) => {
			if (list.getEntriesByName(MARKS.firstChart).some((e) => e.startTime >= since)) done();
		});
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			observer.disconnect();
			resolve();
		}
		observer.observe({ type: 'mark' });
	});
}
