import type { RomChangePoint, RomProgressPoint } from '$lib/charts/romChart';
import type { RomResults } from './romAnalysis';

/** Where the same clients' courses started and ended, per movement whose course estimate is shown. */
export function romProgressPoints(results: RomResults): RomProgressPoint[] {
	return results.movements.flatMap((m) =>
		m.course.state === 'shown'
			? [{ label: m.movement.label, baseline: m.course.value.baselinePercent, end: m.course.value.endPercent, unstable: m.course.value.unstable }]
			: []
	);
}

/** Mean across-course change in degrees with its 95% CI and the movement's MDC, per movement shown. */
export function romChangePoints(results: RomResults): RomChangePoint[] {
	return results.movements.flatMap((m) => {
		if (m.course.state !== 'shown') return [];
		const { degrees, unstable } = m.course.value;
		return [{ label: m.movement.label, mean: degrees.mean, lower: degrees.lower, upper: degrees.upper, mdc: m.movement.mdc_degrees, unstable }];
	});
}
