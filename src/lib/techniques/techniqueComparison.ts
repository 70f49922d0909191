import type { Connector } from '$lib/db';
import { courseRules, type CourseEnd, type CourseRules, type Measure, type OutcomeFilter } from '$lib/measures';
import {
	queryBaselineSd,
	queryTechniqueCells,
	queryTechniqueCourses,
	queryTechniqueWithin,
	type TechniqueCellRow,
	type TechniqueCourseRow,
	type TechniqueWithinRow
} from '$lib/queries/techniqueOutcomes';
import { ancova, type AncovaContrast } from '$lib/stats/ancova';
import { checkedK, restsOnK } from '$lib/disclosure';
import { dav, dz, type EffectSize } from '$lib/stats/effectSizes';
import { meanInterval, type MeanInterval } from '$lib/stats/meanInterval';
import { adjustPValues, type Adjustment } from '$lib/stats/multiplicity';
import { wilsonInterval, type Proportion } from '$lib/stats/proportion';
import { isUnstable } from '$lib/stats/stability';

/** What the techniques page compares. */
export interface TechniqueComparisonOptions {
	measure: Measure;
	end: CourseEnd;
	/** The selection (a condition, or all): filters courses by their first session. */
	filter: OutcomeFilter;
	/** The technique the others are compared with; null picks Swedish if shown, else the largest. */
	reference: string | null;
	adjustment: Adjustment;
	/** Smallest group shown. */
	k: number;
}

/** A baseline-adjusted contrast with its p-value adjusted for the number of contrasts shown. */
export type AdjustedContrast = AncovaContrast & { pAdjusted: number };

/** One course technique's results; every number null when fewer than k clients are behind it. */
export interface TechniqueResult {
	technique: string;
	suppressed: boolean;
	/** Clients with a course change (null when suppressed). */
	clients: number | null;
	unstable: boolean;
	/** Unadjusted mean across-course improvement with its t-based 95% CI. */
	change: MeanInterval | null;
	dz: EffectSize | null;
	dav: EffectSize | null;
	/** Share improving by the MCID (points rule), of clients whose baseline leaves room for it; Wilson 95% CI. */
	responders: Proportion | null;
	/** Share improving by the MCID's % rule, where the instrument has one. */
	shareResponders: Proportion | null;
	/** Share with reliable improvement. */
	reliable: Proportion | null;
	/** Against the reference technique, adjusted for baseline (and condition when several are pooled). */
	adjusted: AdjustedContrast | null;
	isReference: boolean;
}

/** One session technique's within-session improvement (per-client means), or hidden. */
export interface WithinResult {
	technique: string;
	suppressed: boolean;
	clients: number | null;
	sessions: number | null;
	change: MeanInterval | null;
	/** d_z = mean / SD of the clients' mean changes; d_av = mean / the average SD of their mean scores before and after. */
	dz: EffectSize | null;
	dav: EffectSize | null;
	unstable: boolean;
}

export interface TechniqueComparison {
	options: TechniqueComparisonOptions;
	/** The techniques shown (hidden ones are only counted). */
	techniques: TechniqueResult[];
	within: WithinResult[];
	/** Techniques hidden for privacy (course and within-session lists). */
	hidden: number;
	withinHidden: number;
	reference: string | null;
	/** The adjusted model: clients in it, whether condition was a covariate, the baseline slope. */
	model: { clients: number; byCondition: boolean; slope: number; residualDf: number } | null;
	rules: CourseRules;
	/** No course in the selection at all (as opposed to too few to show): every client has one scored visit. */
	noCourses: boolean;
	/** Neither a course nor a within-session change in the selection. */
	empty: boolean;
}

/** A share from counts, shown only when both those counted and those not reach k (either could be a small group). */
function shownShare(successes: number, n: number, k: number): Proportion | null {
	return restsOnK({ clients: n, counted: successes }, k) ? wilsonInterval(successes, n) : null;
}

function courseResult(row: TechniqueCourseRow, k: number, rules: CourseRules): TechniqueResult {
	const hidden = !restsOnK(row, k);
	const change = row.meanChange === null || row.sdChange === null ? null : { n: row.clients, mean: row.meanChange, sd: row.sdChange };
	return {
		technique: row.technique,
		suppressed: hidden,
		clients: hidden ? null : row.clients,
		unstable: !hidden && isUnstable(row.clients),
		change: hidden || !change ? null : meanInterval(change),
		dz: hidden || !change ? null : dz(change),
		dav: hidden || !change || row.sdBaseline === null || row.sdEnd === null ? null : dav(change, row.sdBaseline, row.sdEnd),
		responders: hidden || rules.points === null ? null : shownShare(row.pointsResponders, row.pointsEligible, k),
		shareResponders: hidden || rules.share === null ? null : shownShare(row.shareResponders, row.clients, k),
		reliable: hidden || rules.reliable === null ? null : shownShare(row.reliableImproved, row.clients, k),
		adjusted: null,
		isReference: false
	};
}

function withinResult(row: TechniqueWithinRow, k: number): WithinResult {
	const hidden = !restsOnK(row, k);
	const change = hidden || row.mean === null || row.sd === null ? null : { n: row.clients, mean: row.mean, sd: row.sd };
	return {
		technique: row.group,
		suppressed: hidden,
		clients: hidden ? null : row.clients,
		sessions: hidden ? null : row.sessions,
		change: change ? meanInterval(change) : null,
		dz: change ? dz(change) : null,
		dav: change && row.sdPre !== null && row.sdPost !== null ? dav(change, row.sdPre, row.sdPost) : null,
		unstable: !hidden && isUnstable(row.clients)
	};
}

/**
 * With conditions pooled, a condition treated with one technique only says nothing about techniques once condition
 * is adjusted for (its technique and the condition cannot be told apart), so its clients are left out of the model.
 */
function comparableCells(cells: TechniqueCellRow[]): TechniqueCellRow[] {
	const techniquesByCondition = new Map<string, Set<string>>();
	for (const c of cells) techniquesByCondition.set(c.condition, (techniquesByCondition.get(c.condition) ?? new Set()).add(c.technique));
	if (techniquesByCondition.size <= 1) return cells;
	return cells.filter((c) => techniquesByCondition.get(c.condition)!.size > 1);
}

function chooseReference(shown: TechniqueResult[], wanted: string | null): string | null {
	if (wanted && shown.some((t) => t.technique === wanted)) return wanted;
	if (shown.some((t) => t.technique === 'swedish')) return 'swedish';
	return [...shown].sort((a, b) => (b.clients ?? 0) - (a.clients ?? 0))[0]?.technique ?? null;
}

/**
 * Techniques side by side for one selection: across-course improvement (unadjusted, with effect sizes named),
 * responder and reliable-change rates, the baseline-adjusted comparison against a reference with the multiplicity
 * correction, and within-session improvement. Suppression is applied here, once: a technique with fewer than k
 * clients is left out of every number, the adjusted model included, so nothing shown depends on it.
 */
export async function compareTechniques(db: Connector, options: TechniqueComparisonOptions): Promise<TechniqueComparison> {
	const k = checkedK(options.k);
	const { measure, end, filter } = options;
	const baselineSd = await queryBaselineSd(db, measure, end, filter);
	const rules = courseRules(measure.instrument, baselineSd);
	const courseRows = await queryTechniqueCourses(db, measure, end, filter, rules);
	const techniques = courseRows.map((row) => courseResult(row, k, rules));
	const shown = techniques.filter((t) => !t.suppressed);
	const reference = chooseReference(shown, options.reference);

	let model: TechniqueComparison['model'] = null;
	if (reference) {
		const shownCodes = new Set(shown.map((t) => t.technique));
		const cells = comparableCells((await queryTechniqueCells(db, measure, end, filter)).filter((c) => shownCodes.has(c.technique)));
		const byCondition = new Set(cells.map((c) => c.condition)).size > 1;
		const fit = ancova(
			cells.map((c) => ({ group: c.technique, stratum: byCondition ? c.condition : undefined, n: c.n, sumX: c.sumX, sumXX: c.sumXX, sumY: c.sumY, sumXY: c.sumXY, sumYY: c.sumYY })),
			{ reference }
		);
		if (fit) {
			const adjusted = adjustPValues(fit.contrasts.map((c) => c.p), options.adjustment);
			fit.contrasts.forEach((contrast, i) => {
				const result = techniques.find((t) => t.technique === contrast.group);
				if (result) result.adjusted = { ...contrast, pAdjusted: adjusted[i] };
			});
			model = { clients: fit.n, byCondition, slope: fit.slope.estimate, residualDf: fit.residualDf };
		}
		const referenceRow = techniques.find((t) => t.technique === reference);
		if (referenceRow) referenceRow.isReference = true;
	}

	const within = (await queryTechniqueWithin(db, measure, filter)).map((row) => withinResult(row, k));
	// Hidden groups leave no trace: not even their name reaches the page, only how many there were.
	return {
		options,
		techniques: shown,
		within: within.filter((w) => !w.suppressed),
		hidden: techniques.length - shown.length,
		withinHidden: within.filter((w) => w.suppressed).length,
		reference,
		model,
		rules,
		noCourses: courseRows.length === 0,
		empty: courseRows.length === 0 && within.length === 0
	};
}
