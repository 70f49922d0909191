import type { Connector } from '$lib/db';
import { protect, sharedK, statedN, suppressSmallCells, type DisclosureCell } from '$lib/disclosure';
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
	/** Changes and rates hidden in the rows shown (where the group had them to show). */
	hiddenFigures?: number;
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

/** Which of a group's figures the disclosure engine hid: its mean changes and its responder rate. */
export interface HiddenFigures {
	within: boolean;
	course: boolean;
	rate: boolean;
}

/** The primary rule alone, for a row with no margin of its own (the period's total). */
function primaryOnly(row: ReportGroupRow, k: number): HiddenFigures {
	const hidden = protect({ k, cells: reportCells(row), margins: [] });
	return { within: hidden.has('within'), course: hidden.has('course'), rate: hidden.has('rate') };
}

/**
 * A group's published cells, as the disclosure engine sees them: the row (its clients and sessions), its
 * within-session mean (n = clients with a within-session change), its course mean (n = courses) and its responder
 * rate (responders of those with room to improve). Each mean and rate goes with its row.
 */
function reportCells(row: ReportGroupRow, prefix = ''): DisclosureCell[] {
	const id = (figure: string) => `${figure}${prefix}`;
	return [
		{ id: id('row'), clients: row.clients },
		{ id: id('within'), clients: row.withinClients, within: id('row') },
		{ id: id('course'), clients: row.courseClients, within: id('row') },
		{ id: id('rate'), clients: row.responderEligible, counted: row.courseResponders, within: id('row') }
	];
}

/** A group's numbers, each one shown only where the disclosure engine did not hide it. */
export function reportOutcomes(row: ReportGroupRow, k: number, hidden: HiddenFigures = primaryOnly(row, k)): ReportOutcomes {
	const withinChange = !hidden.within && row.withinMean !== null ? { n: row.withinClients, mean: row.withinMean, sd: row.withinSd ?? NaN } : null;
	const within = withinChange ? meanInterval(withinChange) : null;
	const courseChange = !hidden.course && row.courseMean !== null ? { n: row.courseClients, mean: row.courseMean, sd: row.courseSd ?? NaN } : null;
	const course = courseChange ? meanInterval(courseChange) : null;
	return {
		sessions: row.sessions,
		clients: row.clients,
		within,
		withinEffects: within && withinChange ? changeEffects(withinChange, row.withinSdPre, row.withinSdPost) : null,
		withinN: within ? statedN(within.n, row.clients, k) : null,
		course,
		courseEffects: course && courseChange ? changeEffects(courseChange, row.courseSdBaseline, row.courseSdEnd) : null,
		courseN: course ? statedN(course.n, row.clients, k) : null,
		responders: hidden.rate ? null : wilsonInterval(row.courseResponders, row.responderEligible)
	};
}

/**
 * The rows of a table under the period's total, protected as one problem: a row from fewer than k clients is hidden
 * (dropped, only counted), and so is a mean or rate from fewer than k; each column (clients, within-session mean,
 * course mean, responder rate) is a margin of the total row, so where one is hidden the hidden ones of that column
 * together rest on k clients and more, and no hidden group's count, mean or rate follows from the total and the rows
 * shown.
 */
export function reportTable(rows: readonly ReportGroupRow[], k: number): ReportTable {
	const cells = rows.flatMap((row, i) => reportCells(row, `:${i}`));
	const column = (figure: string) => rows.map((_, i) => `${figure}:${i}`);
	const hidden = protect({ k, cells, margins: ['row', 'within', 'course', 'rate'].map(column) });
	const shown = rows.flatMap((row, i) =>
		hidden.has(`row:${i}`)
			? []
			: [{ code: row.group, ...reportOutcomes(row, k, { within: hidden.has(`within:${i}`), course: hidden.has(`course:${i}`), rate: hidden.has(`rate:${i}`) }) }]
	);
	const hiddenFigures = rows.reduce((n, row, i) => {
		if (hidden.has(`row:${i}`)) return n;
		const had = [row.withinMean !== null && row.withinClients > 0 && hidden.has(`within:${i}`), row.courseMean !== null && row.courseClients > 0 && hidden.has(`course:${i}`), row.responderEligible > 0 && hidden.has(`rate:${i}`)];
		return n + had.filter(Boolean).length;
	}, 0);
	return { rows: shown, hidden: rows.length - shown.length, hiddenFigures };
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
