/** Measures the planted effects on the generated rows, the way the app's queries would see them. */
import { truePain, type ClientTruth } from './clientTruth';
import { first, last, mean, type CourseSummary } from './courseSummary';
import type { DemoData, SessionRow } from './types';

export interface GroupStat {
	group: string;
	n: number;
	mean: number;
}

type Series = CourseSummary['pain'];
type PrePost = { pre?: number; post?: number };

/** Mean of value over the items that have one, per group, groups in first-seen order. */
export function byGroup<T>(items: T[], group: (t: T) => string | null, value: (t: T) => number | undefined): GroupStat[] {
	const groups = new Map<string, number[]>();
	for (const item of items) {
		const g = group(item);
		const v = value(item);
		if (g === null || v === undefined || Number.isNaN(v)) continue;
		if (!groups.has(g)) groups.set(g, []);
		groups.get(g)!.push(v);
	}
	return [...groups].map(([g, values]) => ({ group: g, n: values.length, mean: mean(values) }));
}

/** Pre minus post over every session with both (for sleep and ROM, post minus pre: higher is better). */
export function withinSessionChange(courses: CourseSummary[], series: (c: CourseSummary) => Series[], higherIsBetter = false) {
	const changes: number[] = [];
	for (const c of courses) {
		for (const s of series(c)) {
			for (let i = 0; i < c.sessions; i++) {
				const pre = s.pre[i];
				const post = s.post[i];
				if (pre !== undefined && post !== undefined) changes.push(higherIsBetter ? post - pre : pre - post);
			}
		}
	}
	const m = mean(changes);
	const sd = Math.sqrt(changes.reduce((a, x) => a + (x - m) ** 2, 0) / (changes.length - 1));
	return { n: changes.length, mean: m, sd };
}

/** First session's pre minus last session's post (improvement positive), for courses of 2+ sessions. */
export function acrossCourse(s: Series, sessions: number, higherIsBetter = false): number | undefined {
	const start = first(s.pre);
	const end = last(s.post, sessions);
	if (sessions < 2 || start === undefined || end === undefined) return undefined;
	return higherIsBetter ? end - start : start - end;
}

/**
 * First pre minus last pre (for sleep, last minus first: higher is better), courses of 2+ sessions: the course change
 * as the app computes it, without the last visit's within-session change.
 */
export function preToPre(s: Series, sessions: number, higherIsBetter = false): number | undefined {
	const start = first(s.pre);
	const end = last(s.pre, sessions);
	if (sessions < 2 || start === undefined || end === undefined) return undefined;
	return higherIsBetter ? end - start : start - end;
}

export const painPreToPre = (c: CourseSummary) => preToPre(c.pain, c.sessions);

/** Clients with 2+ sessions and first pre pain >= mcid whose pain fell by at least mcid, first pre to last pre. */
export function responderShare(courses: CourseSummary[], mcid: number) {
	const eligible = courses.filter((c) => c.sessions >= 2 && first(c.pain.pre) !== undefined && first(c.pain.pre)! >= mcid);
	const responders = eligible.filter((c) => painPreToPre(c)! >= mcid).length;
	return { n: eligible.length, responders, share: responders / eligible.length };
}

export function trueCoursePainImprovement(truth: ClientTruth, sessions: number): number {
	return truePain(truth, 1) - truePain(truth, sessions);
}

/** Regression to the mean among clients whose observed intake pain is in [lo, hi]: observed minus true change. */
export function regressionToTheMean(courses: CourseSummary[], truth: Map<string, ClientTruth>, lo: number, hi: number) {
	const chosen = courses.filter((c) => c.sessions >= 2 && first(c.pain.pre)! >= lo && first(c.pain.pre)! <= hi);
	const observed = mean(chosen.map((c) => preToPre(c.pain, c.sessions)!));
	const planted = mean(chosen.map((c) => trueCoursePainImprovement(truth.get(c.client_id)!, c.sessions)));
	return { n: chosen.length, observed, true: planted, rtm: observed - planted };
}

export function homeTherapistGroup(c: CourseSummary): string {
	return c.homeTherapist === 'T07' || c.homeTherapist === 'T03' ? c.homeTherapist : 'others';
}

/**
 * Therapist effect net of case mix: each client's course change (pre to pre unless told) minus the mean change of
 * clients with the same condition and course technique whose home therapist is neither T07 nor T03.
 */
export function therapistEffectNetOfCaseMix(
	courses: CourseSummary[],
	change: (c: CourseSummary) => number | undefined = painPreToPre
): GroupStat[] {
	const withChange = courses.filter((c) => change(c) !== undefined);
	const caseMix = (c: CourseSummary) => `${c.condition} ${c.courseTechnique}`;
	const reference = new Map(
		byGroup(withChange.filter((c) => homeTherapistGroup(c) === 'others'), caseMix, change).map((g) => [g.group, g.mean])
	);
	return byGroup(withChange, homeTherapistGroup, (c) => {
		const ref = reference.get(caseMix(c));
		return ref === undefined ? undefined : change(c)! - ref;
	});
}

/**
 * Per home-therapist group, its pre-to-pre pain change minus that of everyone with the condition, one value per
 * condition in the order given: how the app compares a therapist with the clinic, condition by condition.
 */
export function therapistGapsByCondition(courses: CourseSummary[], conditions: readonly string[]): Map<string, number[]> {
	const gaps = new Map<string, number[]>();
	for (const condition of conditions) {
		const group = courses.filter((c) => c.condition === condition);
		const everyone = byGroup(group, () => 'everyone', painPreToPre)[0];
		for (const g of byGroup(group, homeTherapistGroup, painPreToPre)) {
			if (!gaps.has(g.group)) gaps.set(g.group, []);
			gaps.get(g.group)!.push(g.mean - everyone.mean);
		}
	}
	return gaps;
}

/** Share of sessions with both pain rows whose post pain is above pre, per group of sessions. */
export function painFlareShare(data: DemoData, group: (s: SessionRow) => string): GroupStat[] {
	const pain = new Map<string, PrePost>();
	for (const m of data.measurements) {
		if (m.instrument !== 'pain_nrs') continue;
		if (!pain.has(m.session_id)) pain.set(m.session_id, {});
		pain.get(m.session_id)![m.timepoint] = m.value;
	}
	return byGroup(data.sessions, group, (s) => {
		const { pre, post } = pain.get(s.session_id) ?? {};
		return pre === undefined || post === undefined ? undefined : Number(post > pre);
	});
}

/** Share of rows absent, against how many a full record would have. */
export function missingShare(present: number, expected: number): number {
	return 1 - present / expected;
}
