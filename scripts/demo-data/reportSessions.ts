/** Report sections about sizes and single sessions: course lengths, within-session change, flares, missing rows. */
import { mean, type CourseSummary } from './courseSummary';
import { byGroup, missingShare, painFlareShare, withinSessionChange } from './measureEffects';
import { f2, heading, pct, type DemoReport } from './report';
import { CONDITION_PROFILES } from './scenario';
import { HOME_THERAPIST_SHARE } from './sessionMix';
import type { MeasurementRow, SessionRow } from './types';

export function sizes({ options, data, courses, multi }: DemoReport): void {
	console.log(`seed ${options.seed}; ${data.clients.length} clients, ${data.sessions.length} sessions, ${data.measurements.length} measurements`);
	const lengths = courses.map((c) => c.sessions).sort((a, b) => a - b);
	const share = (lo: number, hi: number) => pct(lengths.filter((k) => k >= lo && k <= hi).length / lengths.length);
	const median = lengths[Math.floor((lengths.length - 1) / 2)];
	console.log(`sessions per client: mean ${f2(mean(lengths))}, median ${median}; 1: ${share(1, 1)}, 2-3: ${share(2, 3)}, ` +
		`4-9: ${share(4, 9)}, 10-19: ${share(10, 19)}, 20: ${share(20, 20)}`);
	console.log(`by length: ${Array.from({ length: 20 }, (_, i) => `${i + 1}: ${lengths.filter((k) => k === i + 1).length}`).join(', ')}`);
	const count = (title: string, items: CourseSummary[], group: (c: CourseSummary) => string) => {
		heading(title);
		console.log(byGroup(items, group, () => 1).map((s) => `${s.group}: n=${s.n}`).join('\n'));
	};
	count('Clients per condition', courses, (c) => c.condition);
	count('Clients with 2+ sessions per condition x course technique', multi, (c) => `${c.condition} x ${c.courseTechnique}`);
}

export function withinSession({ data, courses }: DemoReport): void {
	heading('Within-session change (improvement positive)');
	const isPainCondition = (c: CourseSummary) => CONDITION_PROFILES[c.condition as keyof typeof CONDITION_PROFILES].primaryOutcome === 'pain';
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
	heading('Sessions with post pain above pre (flares), of sessions with both pain rows');
	for (const group of [() => 'all', (s: SessionRow) => s.pressure, (s: SessionRow) => s.primary_technique]) {
		console.log(painFlareShare(data, group).map((g) => `${g.group} ${pct(g.mean)} (${Math.round(g.mean * g.n)}/${g.n})`).join(', '));
	}
}

export function missingAndMix({ data, courses, truth }: DemoReport): void {
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
	const byMonth = byGroup(sessions, (s) => s.session_date.slice(0, 7), () => 1);
	console.log(`sessions per month: ${byMonth.map((m) => `${m.group} ${m.n}`).join(', ')}`);
}
