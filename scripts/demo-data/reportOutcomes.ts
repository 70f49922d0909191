/** Report sections about stress, sleep, range of motion, and who leaves early. */
import type { Condition } from '../../src/lib/domain/conditions';
import { isoDate, LAST_DAY } from './calendar';
import type { CourseSummary } from './courseSummary';
import { acrossCourse, byGroup, preToPre, trueCoursePainImprovement } from './measureEffects';
import { heading, pct, printGroups, type DemoReport } from './report';
import { CONDITION_PROFILES, COURSE } from './scenario';

const byTechnique = (c: CourseSummary) => c.courseTechnique;

export function stressAndSleep({ multi }: DemoReport): void {
	const ofCondition = (condition: string) => multi.filter((c) => c.condition === condition);
	const notOfCondition = (condition: string) => multi.filter((c) => c.condition !== condition);
	const stress = (c: CourseSummary) => preToPre(c.stress, c.sessions);
	const sleep = (c: CourseSummary) => preToPre(c.sleep, c.sessions, true);
	printGroups('Stress change, first pre - last pre, anxiety_stress by course technique', byGroup(ofCondition('anxiety_stress'), byTechnique, stress));
	printGroups('Stress change, first pre - last post, anxiety_stress by course technique',
		byGroup(ofCondition('anxiety_stress'), byTechnique, (c) => acrossCourse(c.stress, c.sessions)));
	printGroups('Stress change, first pre - last pre, other conditions', byGroup(notOfCondition('anxiety_stress'), () => 'all others', stress));
	printGroups('Sleep change, last pre - first pre, insomnia by course technique', byGroup(ofCondition('insomnia'), byTechnique, sleep));
	printGroups('Sleep change, last pre - first pre, other conditions', byGroup(notOfCondition('insomnia'), () => 'all others', sleep));
}

export function rangeOfMotion({ multi }: DemoReport): void {
	const speed = (c: CourseSummary) => (COURSE.romFastTechniques as readonly string[]).includes(c.courseTechnique) ? 'fast (MFR/PNF)' : 'other';
	const series = multi.flatMap((c) => [...c.rom].map(([key, s]) => ({ c, s, group: `${key.split(' ')[0]} ${speed(c)}` })));
	printGroups('ROM across-course gain, degrees (last post - first pre)', byGroup(series, (r) => r.group, (r) => acrossCourse(r.s, r.c.sessions, true)));
	const bySession4 = (r: (typeof series)[number]) => (r.s.pre[3] === undefined || r.s.pre[0] === undefined ? undefined : r.s.pre[3] - r.s.pre[0]);
	printGroups('ROM gain by session 4, degrees (pre 4 - pre 1), clients with 4+ sessions',
		byGroup(series.filter((r) => r.c.sessions >= 4), (r) => r.group, bySession4));
}

export function dropout({ data, courses, multi, truth }: DemoReport): void {
	heading('Drop-out and attrition bias');
	const firstDay = new Map(data.sessions.filter((s) => s.session_number === 1).map((s) => [s.client_id, s.session_date]));
	const uncensored = courses.filter((c) => firstDay.get(c.client_id)! <= isoDate(LAST_DAY - 22));
	const stopped = uncensored.filter((c) => c.sessions === 1).length / uncensored.length;
	console.log(`stopped after session 1 (clients who started 3+ weeks before the end): ${pct(stopped)} of ${uncensored.length}`);
	const pain = multi.filter((c) => CONDITION_PROFILES[c.condition as Condition].primaryOutcome === 'pain');
	const band = (c: CourseSummary) => (c.sessions <= 4 ? '2-4' : c.sessions <= 9 ? '5-9' : c.sessions <= 19 ? '10-19' : '20');
	const trueChange = (c: CourseSummary) => trueCoursePainImprovement(truth.get(c.client_id)!, c.sessions);
	printGroups('Planted max pain improvement by course length (pain conditions)', byGroup(pain, band, (c) => truth.get(c.client_id)!.maxPainImprovement));
	printGroups('Observed pain change at session 2 (pre 1 - pre 2) by course length (pain conditions)', byGroup(pain, band, (c) => c.pain.pre[0]! - c.pain.pre[1]!));
	printGroups('Observed minus true course change (first pre - last pre) by course length (pain conditions)',
		byGroup(pain, band, (c) => preToPre(c.pain, c.sessions)! - trueChange(c)));
}
