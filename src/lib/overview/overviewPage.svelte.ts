import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import { MARKS, MEASURES } from '$lib/db/browserDatabase';
import { buildOverviewRollups, ROLLUPS } from '$lib/queries/overviewRollups';
import { loadOverview, type Overview } from './overview';
import type { OverviewChoice } from './overviewChoice';

export type { OverviewChoice } from './overviewChoice';

/** How long the rollups may take before the page says it is making them (a small dataset's take a blink). */
const QUIET_MS = 800;

/**
 * The overview page's data: the filter options, and the overview for the latest filter, its query time measured.
 * Once the first overview is shown, it builds the overview's rollups in the background; until they are built the
 * figures come from the sessions themselves, and they are the same afterwards.
 */
export class OverviewPage extends AnalysisPage<OverviewChoice, Overview> {
	/** The rollups' progress, shown only when they take a while: levels done of levels to build. */
	summarising = $state<{ done: number; of: number } | null>(null);

	constructor() {
		super(async (db, { filter, picks, timepoint, k }) => {
			const started = performance.now();
			const overview = await loadOverview(db, filter, timepoint, k, picks);
			// Query time per filter change, read by the start-up measurement and the benchmark.
			performance.measure(MEASURES.overviewQueries, { start: started });
			if (overview.fromRollups) performance.mark(MARKS.overviewFromRollups);
			return overview;
		});
	}

	/** Starts the rollups (once per database). A failure only leaves the overview reading the sessions. */
	summarise(): void {
		const db = this.database;
		if (!db) return;
		let progress: { done: number; of: number } = { done: 0, of: ROLLUPS.length };
		const slow = setTimeout(() => (this.summarising = progress), QUIET_MS);
		buildOverviewRollups(db, (done, of) => {
			progress = { done, of };
			if (this.summarising) this.summarising = progress;
		})
			.then(() => performance.mark(MARKS.rollupsBuilt))
			.catch(() => undefined)
			.finally(() => {
				clearTimeout(slow);
				this.summarising = null;
			});
	}
}
