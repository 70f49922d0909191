/**
 * Prints the planted effects as measured on the generated data (the numbers in data/README.md).
 * Run: npx tsx scripts/demo-data/measure.ts [--seed N] [--clients N]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_DATA_OPTIONS } from './generateDemoData';
import { buildReport } from './report';
import { acrossCourseByTechnique, regression, responders, therapists } from './reportCourses';
import { dropout, rangeOfMotion, stressAndSleep } from './reportOutcomes';
import { missingAndMix, sizes, withinSession } from './reportSessions';

const { values } = parseArgs({ options: { seed: { type: 'string' }, clients: { type: 'string' } } });
const report = buildReport({
	seed: values.seed ? Number(values.seed) : DEFAULT_DEMO_DATA_OPTIONS.seed,
	clients: values.clients ? Number(values.clients) : DEFAULT_DEMO_DATA_OPTIONS.clients
});

for (const section of [
	sizes, withinSession, acrossCourseByTechnique, therapists, responders, regression, stressAndSleep, rangeOfMotion, dropout,
	missingAndMix
]) {
	section(report);
}
