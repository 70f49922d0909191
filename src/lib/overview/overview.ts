import type { Connector } from '$lib/db';
import { ALL_TECHNIQUES, MEASURES, clientsWithMeasure, queryKpis, queryTrend, type KpiRow, type Measure, type OutcomeFilter, type Timepoint, type TrendRow } from '$lib/queries';
import { checkedK, suppressSmallCells, type Suppressed } from '$lib/stats';

/** KPI values, each null when the group behind it has fewer than k clients. */
export interface OverviewKpis {
	sessions: number | null;
	clients: number | null;
	withinPainChange: number | null;
	withinSessions: number | null;
	responderShare: number | null;
	courseResponders: number | null;
	courseClients: number | null;
	coursePainChange: number | null;
}

export interface OverviewTrend {
	measure: Measure;
	rows: Suppressed<TrendRow>[];
	/** Distinct clients behind the chart (null if fewer than k). */
	clients: number | null;
	sessions: number | null;
}

export interface Overview {
	kpis: OverviewKpis;
	trends: OverviewTrend[];
	k: number;
}

/** Suppresses each KPI by the number of clients it is computed from. */
export function suppressKpis(row: KpiRow, k: number): OverviewKpis {
	const all = row.clients >= k;
	const within = all && row.withinClients >= k;
	const course = all && row.courseClients >= k;
	return {
		sessions: all ? row.sessions : null,
		clients: all ? row.clients : null,
		withinPainChange: within ? row.withinPainChange : null,
		withinSessions: within ? row.withinSessions : null,
		responderShare: course ? row.courseResponders / row.courseClients : null,
		courseResponders: course ? row.courseResponders : null,
		courseClients: course ? row.courseClients : null,
		coursePainChange: course ? row.coursePainChange : null
	};
}

/** Everything the overview page shows for one filter, with suppression applied once, here. */
export async function loadOverview(db: Connector, filter: OutcomeFilter, timepoint: Timepoint, k: number): Promise<Overview> {
	checkedK(k);
	const kpis = suppressKpis(await queryKpis(db, filter), k);
	const trends: OverviewTrend[] = [];
	for (const measure of MEASURES) {
		const raw = await queryTrend(db, filter, measure, timepoint);
		// Distinct clients across months cannot be summed from the points: they are counted once.
		const totals = await clientsWithMeasure(db, filter, measure, timepoint);
		const sessions = raw.filter((r) => r.technique === ALL_TECHNIQUES).reduce((sum, r) => sum + r.sessions, 0);
		const shown = totals >= k;
		trends.push({
			measure,
			rows: suppressSmallCells(raw, { k, clients: (r) => r.clients, group: (r) => r.month }),
			clients: shown ? totals : null,
			sessions: shown ? sessions : null
		});
	}
	return { kpis, trends, k };
}
