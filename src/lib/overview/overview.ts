import type { Connector } from '$lib/db';
import {
	ALL_TECHNIQUES,
	queryConditionClients,
	queryCourseKpis,
	queryOverviewScan,
	type ConditionClientsRow,
	type KpiRow,
	type OverviewScan,
	type Measure,
	type OutcomeFilter,
	type Timepoint,
	type TrendRow
} from '$lib/queries';
import { blanked, checkedK, protect, suppressSmallCells, type Suppressed } from '$lib/disclosure';
import { crossFilters, effectivePicks, NO_PICKS, type ChartPicks, type CrossFilters } from './crossFilter';

/** KPI values, each null when the group behind it has fewer than k clients. */
export interface OverviewKpis {
	sessions: number | null;
	clients: number | null;
	withinPainChange: number | null;
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
	/**
	 * The chart's n is not stated because it differs from the page's client count by fewer than k: the difference
	 * would count a small group (e.g. the few clients with no sleep score).
	 */
	nWithheld: boolean;
}

export interface Overview {
	/** The filter and timepoint these numbers were computed for: labels come from here, not from live controls. */
	filter: OutcomeFilter;
	/** The chart picks applied, and the filter each part was computed with. */
	picks: ChartPicks;
	filters: CrossFilters;
	timepoint: Timepoint;
	/** Clients by primary condition (every pick but the condition's), small groups hidden. */
	conditions: Suppressed<ConditionClientsRow>[];
	kpis: OverviewKpis;
	trends: OverviewTrend[];
	k: number;
	/** No session matched the filter (as opposed to too few clients to show). */
	empty: boolean;
	/** The trends were summed from the overview's rollups, not from every session. */
	fromRollups: boolean;
}

/**
 * The key figures as cells for the disclosure engine: each figure goes with the client count; the responder share
 * needs k responders and k not; its counts are stated only if the clients left out of it (one session, or a start
 * below the MCID) are none or at least k, or Clients minus them would count a small group: the counts and those
 * left out are one margin of Clients.
 */
export function suppressKpis(row: KpiRow, k: number): OverviewKpis {
	const leftOut = row.clients - row.courseClients;
	const hidden = protect({
		k,
		cells: [
			{ id: 'clients', clients: row.clients },
			{ id: 'within', clients: row.withinClients, within: 'clients' },
			{ id: 'courseChange', clients: row.courseChangeClients, within: 'clients' },
			{ id: 'share', clients: row.courseClients, counted: row.courseResponders, within: 'clients' },
			{ id: 'counts', clients: row.courseClients, counted: row.courseResponders, within: 'share' },
			...(leftOut > 0 ? [{ id: 'leftOut', clients: leftOut }] : [])
		],
		margins: leftOut > 0 ? [['counts', 'leftOut']] : []
	});
	const shown = (id: string) => !hidden.has(id);
	return {
		sessions: shown('clients') ? row.sessions : null,
		clients: shown('clients') ? row.clients : null,
		withinPainChange: shown('within') ? row.withinPainChange : null,
		responderShare: shown('share') ? row.courseResponders / row.courseClients : null,
		courseResponders: shown('counts') ? row.courseResponders : null,
		courseClients: shown('counts') ? row.courseClients : null,
		coursePainChange: shown('courseChange') ? row.coursePainChange : null
	};
}

/**
 * With techniques picked, a month's all-techniques point is the total of the picked ones: it is shown only where
 * every picked technique's point of that month is shown. Otherwise picking one more technique, small that month,
 * would reveal it as the difference of the two totals (differencing).
 */
function picksOnlyWhole(rows: Suppressed<TrendRow>[], picked: boolean): Suppressed<TrendRow>[] {
	if (!picked) return rows;
	const partial = new Set(rows.filter((r) => r.suppressed && r.technique !== ALL_TECHNIQUES).map((r) => r.month));
	return rows.map((r) =>
		r.technique === ALL_TECHNIQUES && partial.has(r.month) && !r.suppressed ? blanked(r) : r
	);
}

/** Everything the overview page shows for one filter, with suppression applied once, here. */
export async function loadOverview(
	db: Connector,
	filter: OutcomeFilter,
	timepoint: Timepoint,
	k: number,
	chartPicks: ChartPicks = NO_PICKS
): Promise<Overview> {
	checkedK(k);
	const picks = effectivePicks(filter, chartPicks);
	const filters = crossFilters(filter, picks);
	// One scan of the sessions per distinct filter: without picks, one answers every part.
	const scans = new Map<string, Promise<OverviewScan>>();
	const scanOf = (f: OutcomeFilter) => {
		const key = JSON.stringify(f);
		if (!scans.has(key)) scans.set(key, queryOverviewScan(db, f, timepoint));
		return scans.get(key)!;
	};
	const scan = await scanOf(filters.trends);
	const raw: KpiRow = { ...(await scanOf(filters.kpis)).kpis, ...(await queryCourseKpis(db, filters.kpis)) };
	const kpis = suppressKpis(raw, k);
	// Clients of different conditions add up to the clients shown without a condition pick: hidden ones must reach k.
	const scanned = scans.get(JSON.stringify(filters.conditions));
	const conditionRows = scanned ? (await scanned).conditions : await queryConditionClients(db, filters.conditions);
	const conditions = suppressSmallCells(conditionRows, { k, clients: (r) => r.clients, group: () => 'all' });
	// With conditions picked, each point's count without the pick is its neighbour view (one condition against all).
	const unpicked = filters.trends.conditions.length > 0 ? (await scanOf({ ...filters.trends, conditions: [] })).trends : null;
	const trends = scan.trends.map((trend, i): OverviewTrend => {
		const wide = new Map(unpicked?.[i].rows.map((r) => [`${r.month}|${r.technique}`, r.clients]) ?? []);
		const shown = trend.clients >= k;
		// The chart counts a subset of the page's clients, or with a technique picked a superset: either way the
		// difference counts a group, which must be none or at least k.
		const gap = Math.abs(raw.clients - trend.clients);
		return {
			measure: trend.measure,
			rows: picksOnlyWhole(
				suppressSmallCells(trend.rows, { k, clients: (r) => r.clients, group: (r) => r.month, neighbours: (r) => [wide.get(`${r.month}|${r.technique}`) ?? r.clients] }),
				filters.trends.techniques.length > 0
			),
			clients: shown ? trend.clients : null,
			sessions: shown ? trend.sessions : null,
			nWithheld: gap > 0 && gap < k
		};
	});
	return { filter, picks, filters, timepoint, conditions, kpis, trends, k, empty: raw.sessions === 0, fromRollups: scan.fromRollups };
}
