import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import { MEASURES } from '$lib/db/browserDatabase';
import type { OutcomeFilter, Timepoint } from '$lib/queries';
import type { ChartPicks } from './crossFilter';
import { loadOverview, type Overview } from './overview';

/** What the overview is computed for: the filter, the charts' timepoint and k (the smallest group shown). */
export interface OverviewChoice {
	filter: OutcomeFilter;
	/** Groups picked by clicking a chart. */
	picks: ChartPicks;
	timepoint: Timepoint;
	k: number;
}

/** The overview page's data: the filter options, and the overview for the latest filter, its query time measured. */
export class OverviewPage extends AnalysisPage<OverviewChoice, Overview> {
	constructor() {
		super(async (db, { filter, picks, timepoint, k }) => {
			const started = performance.now();
			const overview = await loadOverview(db, filter, timepoint, k, picks);
			// Query time per filter change, read by the start-up measurement and the benchmark.
			performance.measure(MEASURES.overviewQueries, { start: started });
			return overview;
		});
	}
}
