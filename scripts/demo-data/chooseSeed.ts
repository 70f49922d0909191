/**
 * Lists seeds whose sample shows the planted orderings below: the default seed is the first one listed.
 * With ~50 clients a cell, techniques planted 0.5 point apart swap places under many seeds.
 * Run: npx tsx scripts/demo-data/chooseSeed.ts [--from 1] [--to 300] [--clients 1600]
 */
import { parseArgs } from 'node:util';
import { mean, summarizeCourses, type CourseSummary } from './courseSummary';
import { DEFAULT_DEMO_DATA_OPTIONS, generateDemoData } from './generateDemoData';
import { acrossCourse, therapistEffectNetOfCaseMix } from './measureEffects';

/**
 * Planted order, best first; techniques in one tier are planted equal. Fibromyalgia is left out: with ~20 clients
 * a cell no seed orders it reliably, and requiring it leaves almost no seed.
 */
const ORDERINGS: { condition: string; order: string[][]; outcome: 'pain' | 'stress' | 'sleep' }[] = [
	{ condition: 'chronic_low_back_pain', order: [['deep_tissue'], ['trigger_point', 'myofascial_release'], ['swedish']], outcome: 'pain' },
	{ condition: 'neck_pain', order: [['trigger_point'], ['myofascial_release'], ['deep_tissue'], ['swedish']], outcome: 'pain' },
	{ condition: 'tension_headache', order: [['trigger_point'], ['myofascial_release'], ['swedish']], outcome: 'pain' },
	{ condition: 'shoulder', order: [['trigger_point', 'myofascial_release', 'stretching_pnf'], ['deep_tissue']], outcome: 'pain' },
	{ condition: 'anxiety_stress', order: [['swedish'], ['hydrotherapy']], outcome: 'stress' },
	{ condition: 'insomnia', order: [['swedish'], ['hydrotherapy']], outcome: 'sleep' }
];
/** Observed means of neighbouring groups must differ by at least this, in points. */
const MARGIN = 0.1;

function showsPlantedEffects(courses: CourseSummary[]): boolean {
	const multi = courses.filter((c) => c.sessions >= 2);
	const cellMean = (condition: string, technique: string, outcome: 'pain' | 'stress' | 'sleep') =>
		mean(
			multi
				.filter((c) => c.condition === condition && c.courseTechnique === technique)
				.map((c) => acrossCourse(c[outcome], c.sessions, outcome === 'sleep'))
				.filter((x): x is number => x !== undefined)
		);
	for (const { condition, order, outcome } of ORDERINGS) {
		const tiers = order.map((tier) => tier.map((t) => cellMean(condition, t, outcome)));
		for (let i = 1; i < tiers.length; i++) {
			if (Math.min(...tiers[i - 1]) - Math.max(...tiers[i]) < MARGIN) return false;
		}
	}
	const therapist = new Map(therapistEffectNetOfCaseMix(courses).map((g) => [g.group, g.mean]));
	const t07 = therapist.get('T07')!;
	const t03 = therapist.get('T03')!;
	return t07 >= 0.45 && t07 <= 0.95 && t03 <= -0.25 && t03 >= -0.65;
}

const { values } = parseArgs({
	options: { from: { type: 'string', default: '1' }, to: { type: 'string', default: '300' }, clients: { type: 'string' } }
});
const clients = Number(values.clients ?? DEFAULT_DEMO_DATA_OPTIONS.clients);
for (let seed = Number(values.from); seed <= Number(values.to); seed++) {
	if (showsPlantedEffects(summarizeCourses(generateDemoData({ seed, clients })))) console.log(seed);
}
