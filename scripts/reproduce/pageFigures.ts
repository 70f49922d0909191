/**
 * The figures of the conditions, range-of-motion and therapists pages, as each page computes them (with its own
 * suppression), for every condition and all together and every outcome the page offers: the dashboard's side of
 * `npm run reproduce` for the pages beyond /techniques (whose figures come from researchResults).
 */
import type { Connector } from '$lib/db';
import { loadConditions } from '$lib/conditions/conditionsAnalysis';
import { COURSE_END_LABELS, MEASURES, type CourseEnd } from '$lib/measures';
import { loadRomResults, type ChangeEstimate } from '$lib/rom/romAnalysis';
import { queryRomSelections } from '$lib/queries/romOutcomes';
import { THERAPIST_MEASURE_KEYS } from '$lib/queries/therapistOutcomes';
import { loadTherapistAnalysis } from '$lib/therapists/therapistAnalysis';
import type { MeanInterval } from '$lib/stats/meanInterval';
import { toCsv } from '$lib/download/csvText';

/** One figure of a page: its table, the selection, the group it describes (technique, movement or therapist). */
export interface PageFigure {
	table: string;
	condition: string;
	outcome: string;
	courseEnd: string;
	group: string;
	statistic: string;
	value: number;
}

/** The selection of every condition together. */
export const ALL_CONDITIONS = '(all)';

type Put = (statistic: string, value: number | null | undefined) => void;

function collector(out: PageFigure[], table: string, condition: string, outcome: string, courseEnd: string) {
	return (group: string): Put =>
		(statistic, value) => {
			if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ table, condition, outcome, courseEnd, group, statistic, value });
		};
}

function interval(put: Put, prefix: string, value: MeanInterval | null | undefined): void {
	put(`${prefix}mean`, value?.mean);
	put(`${prefix}ci_lower`, value?.lower);
	put(`${prefix}ci_upper`, value?.upper);
}

async function conditionsFigures(db: Connector, conditions: string[], k: number, out: PageFigure[]): Promise<void> {
	for (const measure of MEASURES) {
		for (const condition of [...conditions, ALL_CONDITIONS]) {
			const model = await loadConditions(db, condition === ALL_CONDITIONS ? null : condition, measure, k);
			const curve = collector(out, 'curve', condition, measure.key, '');
			for (const p of model.curves.filter((p) => !p.suppressed)) {
				const put = curve(p.technique);
				put(`session_${p.session}_n`, p.clients);
				put(`session_${p.session}_mean`, p.mean);
				put(`session_${p.session}_ci_lower`, p.lower);
				put(`session_${p.session}_ci_upper`, p.upper);
			}
			const attendance = collector(out, 'attendance', condition, measure.key, '');
			for (const p of model.retention.filter((p) => !p.suppressed)) {
				const put = attendance(p.technique);
				put(`session_${p.session}_clients`, p.clients);
				put(`session_${p.session}_started`, p.started);
				put(`session_${p.session}_share`, p.share);
			}
			const dose = collector(out, 'dose', condition, measure.key, 'last_pre');
			for (const p of model.dose.filter((p) => !p.suppressed)) {
				const put = dose(`sessions ${p.label}`);
				put('n', p.clients);
				put('mean_change', p.mean);
				put('ci_lower', p.lower);
				put('ci_upper', p.upper);
			}
		}
	}
}

function changeFigures(put: Put, prefix: string, estimate: ChangeEstimate): void {
	put(`${prefix}n`, estimate.n);
	interval(put, `${prefix}degrees_`, estimate.degrees);
	interval(put, `${prefix}percent_`, estimate.percent);
	put(`${prefix}d_z`, estimate.effects.dz.value);
	put(`${prefix}d_av`, estimate.effects.dav?.value);
}

async function romFigures(db: Connector, k: number, out: PageFigure[]): Promise<void> {
	const conditions = [...new Set((await queryRomSelections(db)).map((s) => s.condition))];
	for (const end of Object.keys(COURSE_END_LABELS) as CourseEnd[]) {
		for (const condition of [...conditions, ALL_CONDITIONS]) {
			const results = await loadRomResults(db, { condition: condition === ALL_CONDITIONS ? null : condition, technique: null, end }, k);
			const rom = collector(out, 'rom', condition, 'rom', end);
			for (const m of results.movements) {
				const put = rom(m.movement.code);
				put('clients', m.clients);
				put('baseline_degrees', m.baselineDegrees);
				put('baseline_percent', m.baselinePercent);
				if (m.within.state === 'shown') changeFigures(put, 'within_', m.within.value);
				if (m.course.state === 'shown') {
					changeFigures(put, 'course_', m.course.value);
					put('course_baseline_percent', m.course.value.baselinePercent);
					put('course_end_percent', m.course.value.endPercent);
				}
				if (m.beyondMdc.state === 'shown') {
					put('beyond_mdc', m.beyondMdc.value.successes);
					put('beyond_mdc_of', m.beyondMdc.value.n);
					put('beyond_mdc_lower', m.beyondMdc.value.lower);
					put('beyond_mdc_upper', m.beyondMdc.value.upper);
				}
			}
		}
	}
}

async function therapistFigures(db: Connector, conditions: string[], k: number, out: PageFigure[]): Promise<void> {
	for (const measure of THERAPIST_MEASURE_KEYS) {
		for (const condition of [...conditions, ALL_CONDITIONS]) {
			const analysis = await loadTherapistAnalysis(db, { measure, condition: condition === ALL_CONDITIONS ? null : condition, clinic: null }, k);
			const therapists = collector(out, 'therapists', condition, measure, 'last_pre');
			const all = therapists('(all)');
			all('n', analysis.clients);
			interval(all, 'change_', analysis.overall);
			all('model_n', analysis.model?.n);
			all('model_slope', analysis.model?.slope);
			all('model_sigma', analysis.model?.sigma);
			all('model_residual_df', analysis.model?.residualDf);
			for (const t of analysis.therapists) {
				const put = therapists(t.therapist);
				put('n', t.n);
				interval(put, 'change_', t.change);
				put('d_z', t.effects?.dz.value);
				put('d_av', t.effects?.dav?.value);
				interval(put, 'observed_minus_expected_', t.adjusted);
				put('funnel_lower95', t.limits?.lower95);
				put('funnel_upper95', t.limits?.upper95);
				put('funnel_lower998', t.limits?.lower998);
				put('funnel_upper998', t.limits?.upper998);
			}
		}
	}
}

/** Every shown figure of the conditions, range-of-motion and therapists pages at k. */
export async function pageFigures(db: Connector, k: number): Promise<PageFigure[]> {
	const conditions = (await db.query<{ c: string }>(`SELECT DISTINCT CAST(primary_condition AS VARCHAR) AS c FROM session_facts ORDER BY 1`)).map((r) => r.c);
	const out: PageFigure[] = [];
	await conditionsFigures(db, conditions, k, out);
	await romFigures(db, k, out);
	await therapistFigures(db, conditions, k, out);
	return out;
}

/** pages.csv: one figure per row, numbers in full. */
export function pageFiguresCsv(figures: readonly PageFigure[]): string {
	const columns = ['table', 'condition', 'outcome', 'course_end', 'group', 'statistic', 'value'].map((name) => ({ name, numeric: name === 'value' }));
	return toCsv(columns, figures.map((f) => [f.table, f.condition, f.outcome, f.courseEnd, f.group, f.statistic, f.value]));
}
