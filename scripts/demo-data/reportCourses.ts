/**
 * Report sections about across-course pain change, measured first pre to last pre as the app does (the last visit's
 * within-session drop left out), beside first pre to last post and the simulation's true change.
 */
import { first, mean, type CourseSummary } from './courseSummary';
import {
	acrossCourse, byGroup, homeTherapistGroup, painPreToPre, regressionToTheMean, responderShare,
	therapistEffectNetOfCaseMix, therapistGapsByCondition, trueCoursePainImprovement, type GroupStat
} from './measureEffects';
import { f2, groupLine, heading, pct, printGroups, type DemoReport } from './report';
import { CONDITION_PROFILES } from './scenario';

/** The pain MCID on the 0-10 scale: the app's responder threshold and its minimum first score. */
const PAIN_MCID = 2;
const PAIN_CONDITIONS = ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'tension_headache'];

const startsAtMcid = (c: CourseSummary) => first(c.pain.pre)! >= PAIN_MCID;
const lastPost = (c: CourseSummary) => acrossCourse(c.pain, c.sessions);
const stat = (items: CourseSummary[], value: (c: CourseSummary) => number | undefined): GroupStat =>
	byGroup(items, () => 'all', value)[0] ?? { group: 'all', n: 0, mean: NaN };

/** One line: pre to pre (all, and first pre >= MCID as the app's KPI), pre to last post, true change. */
function courseLine(label: string, group: CourseSummary[], { truth }: DemoReport): string {
	const trueChange = (c: CourseSummary) => trueCoursePainImprovement(truth.get(c.client_id)!, c.sessions);
	const all = stat(group, painPreToPre);
	const fromMcid = stat(group.filter(startsAtMcid), painPreToPre);
	return `${label}: n=${all.n} preToPre=${f2(all.mean)} | firstPre>=2 n=${fromMcid.n} preToPre=${f2(fromMcid.mean)}` +
		` | lastPost n=${stat(group, lastPost).n} ${f2(stat(group, lastPost).mean)} | true=${f2(mean(group.map(trueChange)))}`;
}

export function acrossCourseByTechnique(report: DemoReport): void {
	heading('Across-course pain change by condition x course technique, clients with 2+ sessions');
	for (const [condition, profile] of Object.entries(CONDITION_PROFILES)) {
		for (const t of profile.techniques) {
			const group = report.multi.filter((c) => c.condition === condition && c.courseTechnique === t.technique);
			console.log(courseLine(`${condition} x ${t.technique} (planted ${t.pain})`, group, report));
		}
	}
}

export function therapists(report: DemoReport): void {
	const { multi, courses } = report;
	heading('Across-course pain change by home therapist (therapist of session 1)');
	for (const g of ['T07', 'T03', 'others']) console.log(courseLine(g, multi.filter((c) => homeTherapistGroup(c) === g), report));
	console.log(courseLine('everyone', multi, report));
	printGroups('Net of condition x course technique, pre to pre', therapistEffectNetOfCaseMix(courses));
	printGroups('Net of condition x course technique, first pre - last post', therapistEffectNetOfCaseMix(courses, lastPost));
	printGroups('Same, clients with 8+ sessions, pre to pre', therapistEffectNetOfCaseMix(courses.filter((c) => c.sessions >= 8)));

	for (const [label, keep] of [['all clients', () => true], ['first pre >= 2', startsAtMcid]] as const) {
		heading(`Pain conditions, pre to pre by home therapist vs everyone with the condition (${label})`);
		const chosen = multi.filter(keep);
		const rows = [...PAIN_CONDITIONS.map((c) => [c, [c]] as const), ['four conditions pooled', PAIN_CONDITIONS] as const];
		for (const [name, conditions] of rows) {
			const group = chosen.filter((c) => conditions.includes(c.condition));
			const own = byGroup(group, homeTherapistGroup, painPreToPre).sort((a, b) => a.group.localeCompare(b.group));
			const everyone = stat(group, painPreToPre);
			console.log(`${name}: ${own.map(groupLine).join('; ')}; everyone: n=${everyone.n} mean=${f2(everyone.mean)}`);
		}
		for (const [g, gaps] of therapistGapsByCondition(chosen, PAIN_CONDITIONS)) {
			console.log(`${g} minus everyone: ${gaps.map(f2).join(', ')}; mean over the four conditions ${f2(mean(gaps))}`);
		}
	}
}

export function responders({ courses }: DemoReport): void {
	heading(`Responders: 2+ sessions, first pre >= ${PAIN_MCID}, first pre - last pre >= ${PAIN_MCID}`);
	const line = (label: string, items: CourseSummary[]) => {
		const r = responderShare(items, PAIN_MCID);
		console.log(`${label}: ${r.responders} of ${r.n} = ${pct(r.share)}`);
	};
	line('all', courses);
	for (const g of ['T07', 'T03', 'others']) line(g, courses.filter((c) => homeTherapistGroup(c) === g));
}

export function regression({ courses, truth, multi }: DemoReport): void {
	heading('Regression to the mean (first pre - last pre; observed vs true, same clients)');
	for (const [lo, hi] of [[8, 10], [4, 7], [0, 3], [0, 10]]) {
		const r = regressionToTheMean(courses, truth, lo, hi);
		console.log(`intake pain ${lo}-${hi}: n=${r.n} observed=${f2(r.observed)} true=${f2(r.true)} observed-true=${f2(r.rtm)}`);
	}
	console.log(`intake >= 8, first pre - last post: ${groupLine(stat(multi.filter((c) => first(c.pain.pre)! >= 8), lastPost))}`);
}
