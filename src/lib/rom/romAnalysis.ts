import type { Connector } from '$lib/db';
import { romMovement, type RomMovement } from '$lib/domain/romMovements';
import { NO_FILTER, type OutcomeFilter } from '$lib/queries';
import type { CourseEnd } from '$lib/measures';
import { queryRomOutcomes, type RomMovementOutcome } from '$lib/queries/romOutcomes';
import { checkedK, partitionSuppressed, restsOnK, statedN, suppressSmallCells } from '$lib/disclosure';
import { changeEffects, type ChangeEffects } from '$lib/stats/effectSizes';
import { meanInterval, type MeanInterval } from '$lib/stats/meanInterval';
import { wilsonInterval, type Proportion } from '$lib/stats/proportion';
import { isUnstable } from '$lib/stats/stability';
import type { Summary } from '$lib/stats/summary';

/** What the ROM page is asked for: one condition or all, one course technique or all, and where a course ends. */
export interface RomChoice {
	/** Condition code, or null for all conditions. */
	condition: string | null;
	/** Course technique (primary technique of session 1), or null for all. */
	technique: string | null;
	end: CourseEnd;
}

/**
 * A value the page shows, or why not: `hidden` when it would come from fewer than k clients (or, for a share,
 * when those counted or those not counted number fewer than k); `none` when there is nothing to compute.
 */
export type Cell<T> = { state: 'shown'; value: T } | { state: 'hidden' } | { state: 'none' };

/** A mean change with its 95% CI and its effect sizes, d_z and d_av, each named. */
export interface ChangeEstimate {
	/** The clients it comes from, or null when stating it would give away a small group by subtraction from `clients`. */
	n: number | null;
	degrees: MeanInterval;
	percent: MeanInterval;
	effects: ChangeEffects;
	unstable: boolean;
}

/** An across-course change, with where the same clients started and ended as % of normal. */
export interface CourseEstimate extends ChangeEstimate {
	baselinePercent: number;
	endPercent: number;
}

/** One movement's row, shown only when at least k clients had it measured. */
export interface RomMovementResult {
	movement: RomMovement;
	/** Clients with the movement measured before at least one session. */
	clients: number;
	baselineDegrees: number;
	baselinePercent: number;
	within: Cell<ChangeEstimate>;
	course: Cell<CourseEstimate>;
	/** Share of the course clients who improved by more than the MDC; `none` also when there is no published MDC. */
	beyondMdc: Cell<Proportion>;
	/** Some estimate in the row comes from fewer than 20 clients. */
	unstable: boolean;
}

export interface RomResults {
	/** The choice these numbers were computed for: labels come from here, not from live controls. */
	choice: RomChoice;
	k: number;
	movements: RomMovementResult[];
	/** Movements measured in this selection but hidden because fewer than k clients had them. */
	hiddenMovements: number;
}

/** The choice as a filter on courses (filterWhere's columns), every value later bound as a parameter. */
export function romFilter(choice: RomChoice): OutcomeFilter {
	return {
		...NO_FILTER,
		conditions: choice.condition === null ? [] : [choice.condition],
		techniques: choice.technique === null ? [] : [choice.technique]
	};
}


function changeEstimate(change: Summary, percent: Summary, pre: Summary, post: Summary, clients: number, k: number): Cell<ChangeEstimate> {
	if (!restsOnK({ clients: change.n }, k)) return change.n === 0 ? { state: 'none' } : { state: 'hidden' };
	const degrees = meanInterval(change);
	const inPercent = meanInterval(percent);
	if (!degrees || !inPercent) return { state: 'none' };
	return {
		state: 'shown',
		value: { n: statedN(change.n, clients, k), degrees, percent: inPercent, effects: changeEffects(change, pre.sd, post.sd), unstable: isUnstable(change.n) }
	};
}

function beyondMdc(row: RomMovementOutcome, k: number): Cell<Proportion> {
	const n = row.courseChange.n;
	if (row.beyondMdc === null || n === 0) return { state: 'none' };
	if (!restsOnK({ clients: n, counted: row.beyondMdc }, k)) return { state: 'hidden' };
	const share = wilsonInterval(row.beyondMdc, n);
	return share ? { state: 'shown', value: share } : { state: 'none' };
}

/** One movement's row from its summaries, each estimate suppressed by the clients it comes from. */
export function movementResult(row: RomMovementOutcome, k: number): RomMovementResult {
	const within = changeEstimate(row.withinChange, row.withinChangePercent, row.withinPre, row.withinPost, row.clients, k);
	const change = changeEstimate(row.courseChange, row.courseChangePercent, row.courseBaseline, row.courseEnd, row.clients, k);
	const course: Cell<CourseEstimate> =
		change.state === 'shown'
			? { state: 'shown', value: { ...change.value, baselinePercent: row.courseBaselinePercent.mean, endPercent: row.courseEndPercent.mean } }
			: change;
	const shownN = [row.clients, ...[within, course].flatMap((c) => (c.state === 'shown' ? [c.value.degrees.n] : []))];
	return {
		movement: romMovement(row.movement),
		clients: row.clients,
		baselineDegrees: row.baseline.mean,
		baselinePercent: row.baselinePercent.mean,
		within,
		course,
		beyondMdc: beyondMdc(row, k),
		unstable: shownN.some(isUnstable)
	};
}

/**
 * Movement rows with suppression applied once, here. A movement measured in fewer than k clients is left out
 * whole (and counted, not named); no total over movements is shown, so no row can be recovered by subtraction.
 */
export function romResults(rows: readonly RomMovementOutcome[], choice: RomChoice, k: number): RomResults {
	checkedK(k);
	const { shown, hidden } = partitionSuppressed(suppressSmallCells(rows, { k, clients: (r) => r.clients }));
	const movements = shown
		.map((r) => movementResult(r, k))
		.sort((a, b) => a.movement.label.localeCompare(b.movement.label));
	return { choice, k, movements, hiddenMovements: hidden };
}

/** Everything the ROM page shows for a choice. */
export async function loadRomResults(db: Connector, choice: RomChoice, k: number): Promise<RomResults> {
	checkedK(k);
	return romResults(await queryRomOutcomes(db, romFilter(choice), choice.end), choice, k);
}
