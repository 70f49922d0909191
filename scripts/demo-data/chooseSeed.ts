/**
 * Lists seeds whose sample shows the planted effects, measured first pre to last pre as the app does: the default
 * seed is the first one listed. With ~60 clients a cell, techniques planted 0.5 point apart swap places under many seeds.
 * Run: npx tsx scripts/demo-data/chooseSeed.ts [--from 1] [--to 300] [--clients 1900]
 */
import { parseArgs } from 'node:util';
import { mean, summarizeCourses, type CourseSummary } from './courseSummary';
import { DEFAULT_DEMO_DATA_OPTIONS, generateDemoData } from './generateDemoData';
import { preToPre, therapistEffectNetOfCaseMix, therapistGapsByCondition } from './measureEffects';
import type { DemoData } from './types';

type Outcome = 'pain' | 'stress' | 'sleep';

/**
 * Planted order, best first; techniques in one tier are planted equal. Fibromyalgia is left out: with ~20 clients
 * a cell no seed orders it reliably, and requiring it leaves almost no seed.
 */
const ORDERINGS: { condition: string; order: string[][]; outcome: Outcome }[] = [
	{ condition: 'chronic_low_back_pain', order: [['deep_tissue'], ['trigger_point', 'myofascial_release'], ['swedish']], outcome: 'pain' },
	{ condition: 'neck_pain', order: [['trigger_point'], ['myofascial_release'], ['deep_tissue'], ['swedish']], outcome: 'pain' },
	{ condition: 'tension_headache', order: [['trigger_point'], ['myofascial_release'], ['swedish']], outcome: 'pain' },
	{ condition: 'shoulder', order: [['trigger_point', 'myofascial_release', 'stretching_pnf'], ['deep_tissue']], outcome: 'pain' },
	{ condition: 'anxiety_stress', order: [['swedish'], ['hydrotherapy']], outcome: 'stress' },
	{ condition: 'insomnia', order: [['swedish'], ['hydrotherapy']], outcome: 'sleep' }
];
/** Observed means of neighbouring groups (and a therapist and everyone) must differ by at least this, in points. */
const MARGIN = 0.1;
/** Least mean gap, points, between T07 (or T03) and everyone with the condition. */
const GAP = 0.35;
/** The conditions the app compares a therapist with everyone on, one by one. */
const PAIN_CONDITIONS = ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'tension_headache'];

function showsPlantedOrder(courses: CourseSummary[]): boolean {
	const cellMean = (condition: string, technique: string, outcome: Outcome) =>
		mean(
			courses
				.filter((c) => c.condition === condition && c.courseTechnique === technique)
				.map((c) => preToPre(c[outcome], c.sessions, outcome === 'sleep'))
				.filter((x): x is number => x !== undefined)
		);
	return ORDERINGS.every(({ condition, order, outcome }) => {
		const tiers = order.map((tier) => tier.map((t) => cellMean(condition, t, outcome)));
		return tiers.every((tier, i) => i === 0 || Math.min(...tiers[i - 1]) - Math.max(...tier) >= MARGIN);
	});
}

/**
 * T07 +0.8 and T03 -0.5 planted: net of case mix in range; and, as the app compares them, above (T07) or below (T03)
 * everyone with the same pain condition by at least MARGIN in each of the four, and by GAP on average.
 */
function showsTherapistEffects(courses: CourseSummary[]): boolean {
	const net = new Map(therapistEffectNetOfCaseMix(courses).map((g) => [g.group, g.mean]));
	const gaps = therapistGapsByCondition(courses, PAIN_CONDITIONS);
	const t07 = net.get('T07')!;
	const t03 = net.get('T03')!;
	const inRange = t07 >= 0.45 && t07 <= 0.95 && t03 <= -0.25 && t03 >= -0.65;
	const t07Gaps = gaps.get('T07')!;
	const t03Gaps = gaps.get('T03')!;
	const clear = mean(t07Gaps) >= GAP && mean(t03Gaps) <= -GAP;
	return inRange && clear && t07Gaps.every((g) => g >= MARGIN) && t03Gaps.every((g) => g <= -MARGIN);
}

/** The sizes the README promises: 15,000-20,000 sessions; 15-20% of clients with one session, at most 10% at 20. */
function hasPromisedSize(data: DemoData, courses: CourseSummary[]): boolean {
	const share = (sessions: number) => courses.filter((c) => c.sessions === sessions).length / courses.length;
	const sessions = data.sessions.length;
	return sessions >= 15_000 && sessions <= 20_000 && share(1) >= 0.15 && share(1) <= 0.2 && share(20) <= 0.1;
}

const { values } = parseArgs({
	options: { from: { type: 'string', default: '1' }, to: { type: 'string', default: '300' }, clients: { type: 'string' } }
});
const clients = Number(values.clients ?? DEFAULT_DEMO_DATA_OPTIONS.clients);
for (let seed = Number(values.from); seed <= Number(values.to); seed++) {
	const data = generateDemoData({ seed, clients });
	const courses = summarizeCourses(data);
	const multi = courses.filter((c) => c.sessions >= 2);
	if (hasPromisedSize(data, courses) && showsPlantedOrder(multi) && showsTherapistEffects(courses)) console.log(seed);
}
