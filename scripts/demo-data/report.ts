/** What the measuring script's sections share: the generated rows, each client's course, the hidden truth, printing. */
import type { ClientTruth } from './clientTruth';
import { summarizeCourses, type CourseSummary } from './courseSummary';
import { simulateDemoData } from './generateDemoData';
import type { GroupStat } from './measureEffects';
import type { DemoData, DemoDataOptions } from './types';

export interface DemoReport {
	options: DemoDataOptions;
	data: DemoData;
	truth: Map<string, ClientTruth>;
	courses: CourseSummary[];
	/** Courses of 2+ sessions: the ones with an across-course change. */
	multi: CourseSummary[];
}

export function buildReport(options: DemoDataOptions): DemoReport {
	const { data, truth } = simulateDemoData(options);
	const courses = summarizeCourses(data);
	return { options, data, truth, courses, multi: courses.filter((c) => c.sessions >= 2) };
}

export const f2 = (x: number) => x.toFixed(2);
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
export const heading = (title: string) => console.log(`\n## ${title}`);
export const groupLine = (s: GroupStat) => `${s.group}: n=${s.n} mean=${f2(s.mean)}`;

export function printGroups(title: string, stats: GroupStat[]): void {
	heading(title);
	for (const s of stats) console.log(groupLine(s));
}
