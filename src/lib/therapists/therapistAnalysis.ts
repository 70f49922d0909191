import type { Connector } from '$lib/db';
import type { Measure } from '$lib/queries';
import { queryTherapistOutcomes, type TherapistFilter, type TherapistOutcomes } from '$lib/queries/therapistOutcomes';
import { changeEffects, type ChangeEffects } from '$lib/stats/effectSizes';
import { funnelLimits, type FunnelPoint } from '$lib/stats/funnel';
import { meanInterval, type MeanInterval } from '$lib/stats/meanInterval';
import { isUnstable } from '$lib/stats/stability';
import { checkedK, restsOnK, suppressSmallCells } from '$lib/disclosure';
import { caseMixAdjustment, type CaseMixModel } from './caseMixAdjustment';

/** Where a therapist's adjusted difference falls on the funnel plot. */
export type FunnelPosition = 'within' | 'beyond95' | 'outside';

/** One home therapist shown: at least k clients and not hidden to protect another. */
export interface TherapistResult {
	therapist: string;
	/** Clients whose course started with this therapist (2+ sessions scored). */
	n: number;
	/** Unadjusted mean across-course change (improvement positive), with its 95% CI. */
	change: MeanInterval | null;
	/** d_z and d_av of that change, each named. */
	effects: ChangeEffects | null;
	/** Case-mix adjusted difference from the clinic (observed minus expected change), with its 95% CI. */
	adjusted: MeanInterval | null;
	/** Funnel limits at this therapist's n; null when the case-mix model could not be fitted. */
	limits: FunnelPoint | null;
	/** Null when there is no adjusted difference. */
	position: FunnelPosition | null;
	/** n < 20. */
	unstable: boolean;
}

export interface TherapistAnalysis {
	/** What these numbers were computed for: labels come from here, not from live controls. */
	filter: TherapistFilter;
	measure: Measure;
	k: number;
	/** Clients with a course over every home therapist, null if fewer than k. */
	clients: number | null;
	/** Clinic-wide unadjusted mean change with its CI, null if fewer than k clients. */
	overall: MeanInterval | null;
	/** The expected-change model; null when it could not be fitted (or there are fewer than k clients). */
	model: CaseMixModel | null;
	/** Shown therapists, by id: never ranked by performance. */
	therapists: TherapistResult[];
	/** Therapists hidden to protect privacy: fewer than k clients, or hidden so another cannot be worked out. */
	hidden: number;
	/** No client in the selection has a course. */
	empty: boolean;
}

const byId = new Intl.Collator('en', { numeric: true });

function funnelPosition(estimate: number, limits: FunnelPoint): FunnelPosition {
	if (estimate < limits.lower998 || estimate > limits.upper998) return 'outside';
	if (estimate < limits.lower95 || estimate > limits.upper95) return 'beyond95';
	return 'within';
}

/**
 * Per-therapist results for one query's rows, suppression applied once, here. Every therapist is one group with
 * the clinic total: the adjusted differences sum to zero over all clients, so a single hidden therapist could be
 * recovered from the others even with no total on screen. Hidden therapists must therefore reach k together.
 */
export function analyseTherapists(outcomes: TherapistOutcomes, filter: TherapistFilter, k: number): TherapistAnalysis {
	checkedK(k);
	const total = outcomes.therapists.reduce((sum, t) => sum + t.n, 0);
	const base = { filter, measure: outcomes.measure, k, empty: total === 0 };
	if (!restsOnK({ clients: total }, k)) return { ...base, clients: null, overall: null, model: null, therapists: [], hidden: outcomes.therapists.length };

	const checked = suppressSmallCells(outcomes.therapists, { k, clients: (t) => t.n, group: () => 'clinic' });
	const shownIds = new Set(checked.filter((t) => !t.suppressed).map((t) => t.therapist));
	const adjustment = caseMixAdjustment(outcomes.cells);
	const sigma = adjustment?.model.sigma;

	const therapists = outcomes.therapists
		.filter((t) => shownIds.has(t.therapist))
		.map((t): TherapistResult => {
			const summary = adjustment?.observedMinusExpected.get(t.therapist);
			const adjusted = summary ? meanInterval(summary) : null;
			const limits = sigma === undefined ? null : funnelLimits(0, sigma, [t.n])[0];
			return {
				therapist: t.therapist,
				n: t.n,
				change: meanInterval({ n: t.n, mean: t.mean, sd: t.sd ?? NaN }),
				effects: t.n >= 2 ? changeEffects({ n: t.n, mean: t.mean, sd: t.sd ?? NaN }, t.sdBaseline, t.sdEnd) : null,
				adjusted,
				limits,
				position: adjusted && limits ? funnelPosition(adjusted.mean, limits) : null,
				unstable: isUnstable(t.n)
			};
		})
		.sort((a, b) => byId.compare(a.therapist, b.therapist));

	return {
		...base,
		clients: total,
		overall: meanInterval(overallChange(outcomes)),
		model: adjustment?.model ?? null,
		therapists,
		hidden: outcomes.therapists.length - therapists.length
	};
}

/** n, mean and SD of change over every therapist's clients, pooled from the per-therapist summaries. */
function overallChange(outcomes: TherapistOutcomes) {
	const rows = outcomes.therapists;
	const n = rows.reduce((sum, t) => sum + t.n, 0);
	const mean = rows.reduce((sum, t) => sum + t.n * t.mean, 0) / n;
	// Within-therapist squares plus between-therapist squares = total squares about the pooled mean.
	const squares = rows.reduce((sum, t) => sum + (t.n - 1) * (t.sd ?? 0) ** 2 + t.n * (t.mean - mean) ** 2, 0);
	return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : NaN };
}

/** Everything the therapists page shows for one selection. */
export async function loadTherapistAnalysis(db: Connector, filter: TherapistFilter, k: number): Promise<TherapistAnalysis> {
	checkedK(k);
	return analyseTherapists(await queryTherapistOutcomes(db, filter), filter, k);
}
