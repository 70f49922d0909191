/**
 * Prints the planted effects as measured on the generated data (the numbers in data/README.md).
 * Run: npx tsx scripts/demo-data/measure.ts [--seed N] [--clients N]
 */
import { parseArgs } from 'node:util';
import type { Condition } from '../../src/lib/domain/conditions';
import { LAST_DAY, isoDate } from './calendar';
import { first, mean, summarizeCourses, type CourseSummary } from './courseSummary';
import { DEFAULT_DEMO_DATA_OPTIONS, simulateDemoData } from './generateDemoData';
import {
	acrossCourse, byGroup, homeTherapistGroup, missingShare, preToPre, regressionToTheMean,
	therapistEffectNetOfCaseMix, trueCoursePainImprovement, withinSessionChange, type GroupStat
} from './measureEffects';
import { CONDITION_PROFILES, COURSE } from './scenario';
import { HOME_THERAPIST_SHARE } from './sessionMix';
import type { MeasurementRow } from './types';

const { values } = parseArgs({ options: { seed: { type: 'string' }, clients: { type: 'string' } } });
const options = {
	seed: values.seed ? Number(values.seed) : DEFAULT_DEMO_DATA_OPTIONS.seed,
	clients: values.clients ? Number(values.clients) : DEFAULT_DEMO_DATA_OPTIONS.clients
};
const { data, truth } = simulateDemoData(options);
const courses = summarizeCourses(data);
const multi = courses.filter((c) => c.sessions >= 2);

const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const heading = (title: string) => console.log(`\n## ${title}`);
const print = (title: string, stats: GroupStat[]) => {
	heading(title);
	for (const s of stats) console.log(`${s.group}: n=${s.n} mean=${f2(s.mean)}`);
};
const count = (stats: GroupStat[]) => stats.map((s) => `${s.group}: n=${s.n}`).join('\n');
const trueChange = (c: CourseSummary) => trueCoursePainImprovement(truth.get(c.client_id)!, c.sessions);
const painChange = (c: CourseSummary) => acrossCourse(c.pain, c.sessions);
const isPainCondition = (c: CourseSummary) => CONDITION_PROFILES[c.condition as Condition].primaryOutcome === 'pain';
const ofCondition = (condition: string) => multi.filter((c) => c.condition === condition);
const notOfCondition = (condition: string) => multi.filter((c) => c.condition !== condition);
const byTechnique = (c: CourseSummary) => c.courseTechnique;

function sizes() {
	const n = data.sessions.length;
	console.log(`seed ${options.seed}; ${data.clients.length} clients, ${n} sessions, ${data.measurements.length} measurements`);
	const lengths = courses.map((c) => c.sessions);
	const share = (lo: number, hi: number) => pct(lengths.filter((k) => k >= lo && k <= hi).length / lengths.length);
	console.log(`sessions per client: mean ${f2(mean(lengths))}; 1: ${share(1, 1)}, 2-3: ${share(2, 3)}, 4-9: ${share(4, 9)}, 10-19: ${share(10, 19)}, 20: ${share(20, 20)}`);
	heading('Clients per condition');
	console.log(count(byGroup(courses, (c) => c.condition, () => 1)));
	heading('Clients with 2+ sessions per condition x course technique');
	console.log(count(byGroup(multi, (c) => `${c.condition} x ${c.courseTechnique}`, () => 1)));
}

function withinSession() {
	heading('Within-session change (improvement positive)');
	console.log('pain', withinSessionChange(courses, (c) => [c.pain]));
	for (const pre of [0, 2, 4, 5, 6, 8, 10]) {
		const onlyPre = (c: CourseSummary) => [{ pre: c.pain.pre.map((p) => (p === pre ? p : undefined)), post: c.pain.post }];
		console.log(`pain, pre = ${pre}`, withinSessionChange(courses, onlyPre));
	}
	console.log('pain, pain conditions only', withinSessionChange(courses.filter(isPainCondition), (c) => [c.pain]));
	console.log('mean pre pain over all sessions', f2(mean(courses.flatMap((c) => c.pain.pre.filter((p) => p !== undefined)))));
	console.log('stress', withinSessionChange(courses, (c) => [c.stress]));
	console.log('sleep', withinSessionChange(courses, (c) => [c.sleep], true));
	for (const movement of ['cervical_rotation', 'lumbar_flexion', 'shoulder_flexion', 'shoulder_abduction', 'hip_flexion']) {
		const series = (c: CourseSummary) => [...c.rom].filter(([key]) => key.startsWith(movement)).map(([, s]) => s);
		console.log(`rom ${movement}`, withinSessionChange(courses, series, true));
	}
}

function acrossCourseByTechnique() {
	heading('Across-course pain change (first pre - last post), clients with 2+ sessions; planted max; true course improvement');
	for (const [condition, profile] of Object.entries(CONDITION_PROFILES)) {
		for (const t of profile.techniques) {
			const group = ofCondition(condition).filter((c) => c.courseTechnique === t.technique);
			const observed = group.map(painChange).filter((x) => x !== undefined);
			const prePre = group.map((c) => preToPre(c.pain, c.sessions)!);
			console.log(
				`${condition} x ${t.technique}: planted ${t.pain}; n=${observed.length} observed=${f2(mean(observed))}` +
					` preToPre=${f2(mean(prePre))} true=${f2(mean(group.map(trueChange)))}`
			);
		}
	}
}

function therapists() {
	print('Across-course pain change by home therapist (session-1 therapist)', byGroup(multi, homeTherapistGroup, painChange));
	print('True course pain improvement by home therapist', byGroup(multi, homeTherapistGroup, trueChange));
	print('Across-course pain change net of condition x technique, vs others', therapistEffectNetOfCaseMix(courses));
	const long = courses.filter((c) => c.sessions >= 8);
	print('Same, clients with 8+ sessions: across-course pain change', byGroup(long, homeTherapistGroup, painChange));
	print('Same, clients with 8+ sessions: net of case mix', therapistEffectNetOfCaseMix(long));
}

function regression() {
	heading('Regression to the mean (first pre - last pre; observed vs true)');
	for (const [lo, hi] of [[8, 10], [4, 7], [0, 3], [0, 10]]) {
		const r = regressionToTheMean(courses, truth, lo, hi);
		console.log(`intake pain ${lo}-${hi}: n=${r.n} observed=${f2(r.observed)} true=${f2(r.true)} observed-true=${f2(r.rtm)}`);
	}
	const high = multi.filter((c) => first(c.pain.pre)! >= 8).map(painChange).filter((x) => x !== undefined);
	console.log(`intake >= 8, across-course (first pre - last post): ${f2(mean(high))}`);
}

function stressAndSleep() {
	const stress = (c: CourseSummary) => acrossCourse(c.stress, c.sessions);
	const sleep = (c: CourseSummary) => acrossCourse(c.sleep, c.sessions, true);
	print('Across-course stress change, anxiety_stress by course technique', byGroup(ofCondition('anxiety_stress'), byTechnique, stress));
	print('Across-course stress change, first pre - last pre, anxiety_stress',
		byGroup(ofCondition('anxiety_stress'), byTechnique, (c) => preToPre(c.stress, c.sessions)));
	print('Across-course stress change, other conditions', byGroup(notOfCondition('anxiety_stress'), () => 'all others', stress));
	print('Across-course sleep change (last post - first pre), insomnia by course technique', byGroup(ofCondition('insomnia'), byTechnique, sleep));
	print('Across-course sleep change, other conditions', byGroup(notOfCondition('insomnia'), () => 'all others', sleep));
}

function rangeOfMotion() {
	const speed = (c: CourseSummary) => (COURSE.romFastTechniques as readonly string[]).includes(c.courseTechnique) ? 'fast (MFR/PNF)' : 'other';
	const series = multi.flatMap((c) => [...c.rom].map(([key, s]) => ({ c, s, group: `${key.split(' ')[0]} ${speed(c)}` })));
	print('ROM across-course gain, degrees (last post - first pre)', byGroup(series, (r) => r.group, (r) => acrossCourse(r.s, r.c.sessions, true)));
	const bySession4 = (r: (typeof series)[number]) => (r.s.pre[3] === undefined || r.s.pre[0] === undefined ? undefined : r.s.pre[3] - r.s.pre[0]);
	print('ROM gain by session 4, degrees (pre 4 - pre 1), clients with 4+ sessions',
		byGroup(series.filter((r) => r.c.sessions >= 4), (r) => r.group, bySession4));
}

function dropout() {
	heading('Drop-out and attrition bias');
	const firstDay = new Map(data.sessions.filter((s) => s.session_number === 1).map((s) => [s.client_id, s.session_date]));
	const uncensored = courses.filter((c) => firstDay.get(c.client_id)! <= isoDate(LAST_DAY - 22));
	const stopped = uncensored.filter((c) => c.sessions === 1).length / uncensored.length;
	console.log(`stopped after session 1 (clients who started 3+ weeks before the end): ${pct(stopped)} of ${uncensored.length}`);
	const pain = multi.filter(isPainCondition);
	const band = (c: CourseSummary) => (c.sessions <= 4 ? '2-4' : c.sessions <= 9 ? '5-9' : c.sessions <= 19 ? '10-19' : '20');
	print('Planted max pain improvement by course length (pain conditions)', byGroup(pain, band, (c) => truth.get(c.client_id)!.maxPainImprovement));
	print('Observed pain change at session 2 (pre 1 - pre 2) by course length (pain conditions)', byGroup(pain, band, (c) => c.pain.pre[0]! - c.pain.pre[1]!));
	print('Observed minus true course change (first pre - last pre) by course length (pain conditions)',
		byGroup(pain, band, (c) => preToPre(c.pain, c.sessions)! - trueChange(c)));
}

function missingAndMix() {
	heading('Missing rows and session mix');
	const sessions = data.sessions;
	const romSessions = courses.reduce((a, c) => a + c.sessions * truth.get(c.client_id)!.rom.length, 0);
	const rows = (keep: (m: MeasurementRow) => boolean) => data.measurements.filter(keep).length;
	const nrs = (m: MeasurementRow) => m.instrument === 'pain_nrs' || m.instrument === 'stress_nrs';
	console.log([
		`missing pain/stress post rows ${pct(missingShare(rows((m) => nrs(m) && m.timepoint === 'post'), 2 * sessions.length))}`,
		`sleep rows ${pct(missingShare(rows((m) => m.instrument === 'sleep_nrs'), 2 * sessions.length))}`,
		`rom rows ${pct(missingShare(rows((m) => m.instrument === 'rom'), 2 * romSessions))}`,
		`pain/stress pre rows ${pct(missingShare(rows((m) => nrs(m) && m.timepoint === 'pre'), 2 * sessions.length))}`
	].join(', '));
	const course = new Map(courses.map((c) => [c.client_id, c]));
	const share = (keep: (s: (typeof sessions)[number]) => boolean) => pct(sessions.filter(keep).length / sessions.length);
	console.log(`home therapist ${share((s) => s.therapist_id === course.get(s.client_id)!.homeTherapist)} of sessions (sessions 2+: planted ${pct(HOME_THERAPIST_SHARE)})`);
	console.log(
		`course technique as primary ${share((s) => s.primary_technique === course.get(s.client_id)!.courseTechnique)}; ` +
			`other techniques ${share((s) => s.other_techniques !== null)}; 60 min ${share((s) => s.duration_min === 60)}`
	);
}

sizes();
withinSession();
acrossCourseByTechnique();
therapists();
regression();
stressAndSleep();
rangeOfMotion();
dropout();
missingAndMix();
