import { toCsv } from '$lib/download/csvText';
import type { Connector } from '$lib/db';
import { COURSE_END_LABELS, MEASURES, NO_FILTER, type CourseEnd } from '$lib/measures';
import { TECHNIQUE_OUTCOMES } from '$lib/techniques/techniqueParams';
import { compareTechniques, type TechniqueComparison, type TechniqueResult } from '$lib/techniques/techniqueComparison';
import type { Adjustment } from '$lib/stats/multiplicity';

/** The selection every condition's results are compared in when conditions are pooled (adjusted for condition). */
export const POOLED = '(pooled)';

/** The multiplicity correction results.csv uses: the techniques page's default. */
export const RESULTS_ADJUSTMENT: Adjustment = 'holm';

/** One figure of the analysis tables, as results.csv holds it. */
export interface ResultFigure {
	/** `course` (across-course change) or `within` (within-session change). */
	table: 'course' | 'within';
	/** A condition as the data hold it, or POOLED for every condition together. */
	condition: string;
	outcome: string;
	/** Where the course ends; empty for within-session figures. */
	courseEnd: CourseEnd | '';
	technique: string;
	statistic: string;
	value: number;
}

/** results.csv's columns, in order, with what each holds (for dictionary.csv). */
export const RESULT_COLUMNS = ['table', 'condition', 'outcome', 'course_end', 'technique', 'statistic', 'value'] as const;

export const RESULT_COLUMN_TEXT: Record<(typeof RESULT_COLUMNS)[number], string> = {
	table: 'course (across-course change, by course technique) or within (within-session change, by session technique)',
	condition: `The selection: a condition value of data.csv, or ${POOLED} for every condition together (adjusted for condition)`,
	outcome: 'pain, stress or sleep (the 0-10 ratings); improvement is positive whichever way the scale runs',
	course_end: "last_pre (the last session's score before it) or last_post (after it); empty for within-session figures",
	technique: 'Technique code',
	statistic: 'Which figure (see the results statistic rows)',
	value: 'The figure, every digit as computed'
};

/** Each statistic results.csv holds, and what it is. */
export const RESULT_STATISTICS: Record<string, string> = {
	n: 'Clients: courses with a change (course), or clients with a session scored before and after (within)',
	sessions: 'Sessions scored before and after (within)',
	mean_change: 'Mean change; within a session, the mean over clients of each client’s mean change',
	ci_lower: 'Lower bound of the mean change’s t-based 95% CI',
	ci_upper: 'Upper bound of the mean change’s t-based 95% CI',
	d_z: 'Cohen’s d_z: mean change / SD of the changes',
	d_av: 'Cohen’s d_av: mean change / the mean of the SDs before and after',
	responders: 'Clients improving by at least the MCID in points, among those whose baseline leaves room for it',
	responders_of: 'Clients whose baseline leaves room to improve by the MCID',
	responders_lower: 'Wilson 95% interval of the responder rate, lower bound',
	responders_upper: 'Wilson 95% interval of the responder rate, upper bound',
	share_responders: 'Clients improving by at least the MCID’s share of the room to improve (pain: 30%)',
	share_responders_of: 'Clients with a course change',
	share_responders_lower: 'Wilson 95% interval, lower bound',
	share_responders_upper: 'Wilson 95% interval, upper bound',
	reliable: 'Clients improving by more than the reliable-change threshold (MDC95, or Jacobson-Truax from the ICC)',
	reliable_of: 'Clients with a course change',
	reliable_lower: 'Wilson 95% interval, lower bound',
	reliable_upper: 'Wilson 95% interval, upper bound',
	reference: '1 for the reference technique of the adjusted comparison',
	adjusted_difference: 'Baseline-adjusted difference in the end score against the reference (ANCOVA; higher is better)',
	adjusted_lower: 'Its 95% CI, lower bound',
	adjusted_upper: 'Its 95% CI, upper bound',
	adjusted_p: 'Its two-sided p-value',
	adjusted_p_holm: 'The p-value adjusted by Holm’s method over the contrasts of one condition, outcome and course end'
};

const COURSE_ENDS = Object.keys(COURSE_END_LABELS) as CourseEnd[];

type Put = (statistic: string, value: number | null | undefined) => void;

/** A change's figures, course or within-session alike: its mean with the 95% CI, and both effect sizes. */
function changeFigures(put: Put, result: Pick<TechniqueResult, 'change' | 'dz' | 'dav'>): void {
	put('mean_change', result.change?.mean);
	put('ci_lower', result.change?.lower);
	put('ci_upper', result.change?.upper);
	put('d_z', result.dz?.value);
	put('d_av', result.dav?.value);
}

function figures(comparison: TechniqueComparison, condition: string, outcome: string, courseEnd: CourseEnd): ResultFigure[] {
	const out: ResultFigure[] = [];
	const putter = (table: ResultFigure['table'], end: CourseEnd | '', technique: string): Put => (statistic, value) => {
		if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ table, condition, outcome, courseEnd: end, technique, statistic, value });
	};
	for (const t of comparison.techniques) {
		const put = putter('course', courseEnd, t.technique);
		put('n', t.clients);
		changeFigures(put, t);
		for (const [name, share] of [['responders', t.responders], ['share_responders', t.shareResponders], ['reliable', t.reliable]] as const) {
			if (!share) continue;
			put(name, share.successes);
			put(`${name}_of`, share.n);
			put(`${name}_lower`, share.lower);
			put(`${name}_upper`, share.upper);
		}
		if (t.isReference) put('reference', 1);
		if (t.adjusted) {
			put('adjusted_difference', t.adjusted.estimate);
			put('adjusted_lower', t.adjusted.lower);
			put('adjusted_upper', t.adjusted.upper);
			put('adjusted_p', t.adjusted.p);
			put('adjusted_p_holm', t.adjusted.pAdjusted);
		}
	}
	// Within-session figures do not depend on where a course ends: written once, with the first end.
	if (courseEnd === COURSE_ENDS[0]) {
		for (const w of comparison.within) {
			const put = putter('within', '', w.technique);
			put('n', w.clients);
			put('sessions', w.sessions);
			changeFigures(put, w);
		}
	}
	return out;
}

/**
 * Every figure of the techniques page's tables for a dataset at k: for each condition it holds and for all
 * conditions pooled, each outcome the page compares, and each course end: per technique n, mean change and its 95%
 * CI, d_z, d_av, responders, % responders and reliable change with Wilson intervals, the baseline-adjusted
 * difference against the reference with its CI, p and Holm-adjusted p; and within-session change. Computed by the
 * page's own code (compareTechniques), so suppressed groups are absent here as they are on the page.
 */
export async function researchResults(db: Connector, k: number): Promise<ResultFigure[]> {
	const conditions = (
		await db.query<{ condition: string }>(`SELECT DISTINCT CAST(primary_condition AS VARCHAR) AS condition FROM session_facts WHERE primary_condition IS NOT NULL ORDER BY 1`)
	).map((r) => r.condition);
	const out: ResultFigure[] = [];
	for (const outcome of TECHNIQUE_OUTCOMES) {
		const measure = MEASURES.find((m) => m.key === outcome)!;
		for (const condition of [...conditions, POOLED]) {
			const filter = { ...NO_FILTER, conditions: condition === POOLED ? [] : [condition] };
			for (const end of COURSE_ENDS) {
				const comparison = await compareTechniques(db, { measure, end, filter, reference: null, adjustment: RESULTS_ADJUSTMENT, k });
				out.push(...figures(comparison, condition, outcome, end));
			}
		}
	}
	return out;
}

/** results.csv: one figure per row, numbers written in full (the shortest text that reads back as the same double). */
export function resultsCsv(figures: readonly ResultFigure[]): string {
	return toCsv(
		RESULT_COLUMNS.map((name) => ({ name, numeric: name === 'value' })),
		figures.map((f) => [f.table, f.condition, f.outcome, f.courseEnd, f.technique, f.statistic, f.value])
	);
}
