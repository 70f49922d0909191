import type { Connector } from '$lib/db';
import { sharedK, statedN, suppressSmallCells } from '$lib/disclosure';
import { changeEffects, meanInterval, wilsonInterval, type ChangeEffects, type MeanInterval, type Proportion } from '$lib/stats';
import { parsePeriod, previousPeriod, type Period } from './period';
import {
	queryNewClients,
	queryReportGroups,
	queryReportVolume,
	type ReportGroupRow,
	type ReportGrouping
} from './reportQueries';

/** What the report is asked for. */
export interface ReportOptions {
	/** `YYYY-MM` or `YYYY-Qn`. */
	period: string;
	/** Smallest number of clients a shown number may come from (privacy.k). */
	k: number;
}

/** A group's shown numbers: each one null when it comes from fewer than k clients. */
export interface ReportOutcomes {
	sessions: number;
	clients: number;
	/** Within-session pain change: each client's mean, then over clients (n = clients), 95% CI. */
	within: MeanInterval | null;
	/** d_z and d_av of the within-session change, shown with it. */
	withinEffects: ChangeEffects | null;
	/** The clients the within-session change comes from, or null where stating it would count a small group by subtraction from `clients`. */
	withinN: number | null;
	/** Pain change from the first session ever to the last one in the period, 95% CI over courses. */
	course: MeanInterval | null;
	/** d_z and d_av of the course change, shown with it. */
	courseEffects: ChangeEffects | null;
	/** The courses the course change comes from, or null (as withinN). */
	courseN: number | null;
	/** Share of courses improving by the MCID, Wilson 95% CI; shown only when responders and non-responders both reach k. */
	responders: Proportion | null;
}

export interface ReportGroup extends ReportOutcomes {
	/** Condition or technique code. */
	code: string;
}

/** A table of groups: only the shown ones, and how many were hidden (never which). */
export interface ReportTable {
	rows: ReportGroup[];
	hidden: number;
}

/** Change from the previous period, or null when either side is hidden or zero. */
export interface PeriodComparison {
	period: Period;
	sessions: number | null;
	clients: number | null;
	/** Relative changes, e.g. 0.12 for +12%. */
	sessionsChange: number | null;
	clientsChange: number | null;
}

export interface ReportBar {
	start: string;
	/** null when the bar's clients are fewer than k (or hidden so it cannot be subtracted from the total). */
	sessions: number | null;
}

/** Everything the report page shows, with suppression applied once, here. */
export interface ClinicReport {
	period: Period;
	k: number;
	/** No session in the period at all. */
	empty: boolean;
	/** Null when the whole period has fewer than k clients. */
	totals: ReportOutcomes | null;
	/** Clients whose first session ever is in the period; null below k (or when its complement is below k). */
	newClients: number | null;
	previous: PeriodComparison;
	conditions: ReportTable;
	techniques: ReportTable;
	volume: { unit: 'week' | 'month'; bars: ReportBar[]; hidden: number };
}

/** A group's numbers with each one shown only if it comes from at least k clients. */
export function reportOutcomes(row: ReportGroupRow, k: number): ReportOutcomes {
	const withinChange = row.withinClients >= k && row.withinMean !== null ? { n: row.withinClients, mean: row.withinMean, sd: row.withinSd ?? NaN } : null;
	const within = withinChange ? meanInterval(withinChange) : null;
	const courseShown = row.courseClients >= k && row.courseMean !== null;
	const courseChange = courseShown ? { n: row.courseClients, mean: row.courseMean!, sd: row.courseSd ?? NaN } : null;
	const course = courseChange ? meanInterval(courseChange) : null;
	// A rate tells how many responded and how many did not: both groups must reach k.
	const rate = row.responderEligible >= k && row.courseResponders >= k && row.responderEligible - row.courseResponders >= k;
	return {
		sessions: row.sessions,
		clients: row.clients,
		within,
		withinEffects: within && withinChange ? changeEffects(withinChange, row.withinSdPre, row.withinSdPost) : null,
		withinN: within ? statedN(within.n, row.clients, k) : null,
		course,
		courseEffects: course && courseChange ? changeEffects(courseChange, row.courseSdBaseline, row.courseSdEnd) : null,
		courseN: course ? statedN(course.n, row.clients, k) : null,
		responders: rate ? wilsonInterval(row.courseResponders, row.responderEligible) : null
	};
}

/**
 * Rows that add up to the period's total share one group for secondary suppression, so the hidden ones together
 * come from at least k clients and none can be recovered by subtraction. Hidden rows are dropped, only counted.
 */
export function reportTable(rows: readonly ReportGroupRow[], k: number): ReportTable {
	const marked = suppressSmallCells(rows, { k, clients: (r) => r.clients, group: () => 'period' });
	const shown = marked.filter((r) => !r.suppressed);
	return {
		rows: shown.map((r) => ({ code: r.group, ...reportOutcomes(r, k) })),
		hidden: marked.length - shown.length
	};
}

function relativeChange(now: number | null, before: number | null): number | null {
	return now === null || before === null || before === 0 ? null : now / before - 1;
}

/** The report for one month or quarter, from the database. */
export async function buildReport(db: Connector, options: ReportOptions): Promise<ClinicReport> {
	const k = sharedK(options.k);
	const period = parsePeriod(options.period);
	const before = previousPeriod(period);
	const groups = (p: Period, grouping: ReportGrouping) => queryReportGroups(db, p, grouping);
	const [[total], [previousTotal], conditions, techniques, newClients, volume] = await Promise.all([
		groups(period, 'all'),
		groups(before, 'all'),
		groups(period, 'primary_condition'),
		groups(period, 'primary_technique'),
		queryNewClients(db, period),
		queryReportVolume(db, period)
	]);
	const shown = total !== undefined && total.clients >= k;
	const previousShown = previousTotal !== undefined && previousTotal.clients >= k;
	const returning = shown ? total.clients - newClients : 0;
	const bars = shown ? suppressSmallCells(volume, { k, clients: (r) => r.clients, group: () => 'period' }) : [];
	const sessions = shown ? total.sessions : null;
	const clients = shown ? total.clients : null;
	const previousSessions = previousShown ? previousTotal.sessions : null;
	const previousClients = previousShown ? previousTotal.clients : null;
	return {
		period,
		k,
		empty: total === undefined,
		totals: shown ? reportOutcomes(total, k) : null,
		// New plus returning make the total: both must reach k (or one be none).
		newClients: shown && (newClients === 0 || newClients >= k) && (returning === 0 || returning >= k) ? newClients : null,
		previous: {
			period: before,
			sessions: previousSessions,
			clients: previousClients,
			sessionsChange: relativeChange(sessions, previousSessions),
			clientsChange: relativeChange(clients, previousClients)
		},
		conditions: shown ? reportTable(conditions, k) : { rows: [], hidden: conditions.length },
		techniques: shown ? reportTable(techniques, k) : { rows: [], hidden: techniques.length },
		volume: {
			unit: period.kind === 'month' ? 'week' : 'month',
			bars: bars.map((b) => ({ start: b.start, sessions: b.suppressed ? null : b.sessions })),
			hidden: bars.filter((b) => b.suppressed).length
		}
	};
}
