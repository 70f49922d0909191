import type { Connector } from '$lib/db';
import {
	ALL_TECHNIQUES,
	FINEST_GRAIN,
	queryConditionClients,
	queryCourseFigures,
	queryCourseImprovement,
	queryOverviewScan,
	type CourseImprovement,
	type ConditionClientsRow,
	type KpiRow,
	type OverviewScan,
	type Measure,
	type OutcomeFilter,
	type Timepoint,
	type TrendGrain,
	type TrendRow
} from '$lib/queries';
import { blanked, checkedK, protect, suppressSmallCells, type Suppressed } from '$lib/disclosure';
import { crossFilters, effectivePicks, NO_PICKS, type ChartPicks, type CrossFilters } from './crossFilter';
import { protectImprovement, type ImprovementGroups } from './improvement';
import { chooseGrain } from './trendGrain';

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
	/** How clients improve: pain change over a course and within a session, by condition and by technique. */
	improvement: OverviewImprovement;
	trends: OverviewTrend[];
	/** The trends' time step and pooled techniques, chosen so that most points can be shown. */
	grain: TrendGrain;
	k: number;
	/** No session matched the filter (as opposed to too few clients to show). */
	empty: boolean;
	/** The trends were summed from the overview's rollups, not from every session. */
	fromRollups: boolean;
}

/** The improvement section's two figures, computed with the key figures' filter. */
export interface OverviewImprovement {
	byCondition: ImprovementGroups;
	byTechnique: ImprovementGroups;
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
	// One scan of the sessions per distinct filter and grain: without picks, one answers every part.
	const scans = new Map<string, Promise<OverviewScan>>();
	const scanOf = (f: OutcomeFilter, grain: TrendGrain = FINEST_GRAIN) => {
		const key = JSON.stringify([f, grain]);
		if (!scans.has(key)) scans.set(key, queryOverviewScan(db, f, timepoint, grain));
		return scans.get(key)!;
	};
	const kpiScan = await scanOf(filters.kpis);
	// The key figures' courses and the improvement figure's, in one pass over the courses.
	const { byCondition, byTechnique, ...courseKpis } = await queryCourseFigures(db, filters.kpis);
	const raw: KpiRow = { ...kpiScan.kpis, ...courseKpis };
	const kpis = suppressKpis(raw, k);
	// Clients of different conditions add up to the clients shown without a condition pick: hidden ones must reach k.
	const scanned = scans.get(JSON.stringify([filters.conditions, FINEST_GRAIN]));
	const conditionRows = scanned ? (await scanned).conditions : await queryConditionClients(db, filters.conditions);
	const conditions = suppressSmallCells(conditionRows, { k, clients: (r) => r.clients, group: () => 'all' });
	const improvement = await improvementOf(db, filters.kpis, { byCondition, byTechnique }, kpiScan, scanOf, k);
	// With conditions picked, each point's count without the pick is its neighbour view (one condition against all).
	const trendsAt = async (grain: TrendGrain) => {
		const scan = await scanOf(filters.trends, grain);
		const unpicked = filters.trends.conditions.length > 0 ? (await scanOf({ ...filters.trends, conditions: [] }, grain)).trends : null;
		return { trends: protectTrends(scan, unpicked, raw.clients, k, filters.trends.techniques.length > 0), fromRollups: scan.fromRollups };
	};
	const { grain, trends, fromRollups } = await chooseGrain(trendsAt, picks.technique);
	return { filter, picks, filters, timepoint, conditions, kpis, improvement, trends, grain, k, empty: raw.sessions === 0, fromRollups };
}

/**
 * The trends' points as cells for the disclosure engine: each month's (or quarter's) techniques add up to its
 * all-techniques point. Those points add up to the chart's sessions too, so the sessions are not stated when one of
 * them is hidden (the total less the shown points would give it back).
 */
function protectTrends(scan: OverviewScan, unpicked: OverviewScan['trends'] | null, pageClients: number, k: number, picked: boolean): OverviewTrend[] {
	return scan.trends.map((trend, i): OverviewTrend => {
		const wide = new Map(unpicked?.[i].rows.map((r) => [`${r.month}|${r.technique}`, r.clients]) ?? []);
		const rows = picksOnlyWhole(
			suppressSmallCells(trend.rows, { k, clients: (r) => r.clients, group: (r) => r.month, neighbours: (r) => [wide.get(`${r.month}|${r.technique}`) ?? r.clients] }),
			picked
		);
		const lineWhole = rows.every((r) => r.technique !== ALL_TECHNIQUES || !r.suppressed);
		const shown = trend.clients >= k;
		// The chart counts a subset of the page's clients, or with a technique picked a superset: either way the
		// difference counts a group, which must be none or at least k.
		const gap = Math.abs(pageClients - trend.clients);
		return {
			measure: trend.measure,
			rows,
			clients: shown ? trend.clients : null,
			sessions: shown && lineWhole ? trend.sessions : null,
			nWithheld: gap > 0 && gap < k
		};
	});
}

/**
 * Pain improvement by condition and by technique, over a course and within a session, for the key figures' filter.
 * With conditions chosen, each group's n without them is its neighbour view, as for the trends' points.
 */
async function improvementOf(
	db: Connector,
	filter: OutcomeFilter,
	course: CourseImprovement,
	scan: OverviewScan,
	scanOf: (f: OutcomeFilter) => Promise<OverviewScan>,
	k: number
): Promise<OverviewImprovement> {
	const narrowed = filter.conditions.length > 0;
	const wide = narrowed ? { ...filter, conditions: [] } : null;
	const [wideCourse, wideScan] = wide ? [await queryCourseImprovement(db, wide), await scanOf(wide)] : [null, null];
	return {
		byCondition: protectImprovement(course.byCondition, scan.withinByCondition, { k }),
		byTechnique: protectImprovement(course.byTechnique, scan.withinByTechnique, {
			k,
			neighbours: wideCourse && wideScan ? { course: wideCourse.byTechnique, within: wideScan.withinByTechnique } : null
		})
	};
}
