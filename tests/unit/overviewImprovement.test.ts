import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { withinSessionClientsSql } from '$lib/measures/withinSession';
import { loadOverview } from '$lib/overview/overview';
import { protectImprovement, type ImprovementGroups } from '$lib/overview/improvement';
import { MEASURES, NO_FILTER, queryCourseImprovement, queryCourseKpis, queryOverviewScan, type GroupChange, type OutcomeFilter } from '$lib/queries';
import { meanInterval } from '$lib/stats/meanInterval';
import { openDemoDatabase } from '../support/demoDataset';

const PAIN = MEASURES.find((m) => m.key === 'pain')!;

/** Within-session change by group by its definition: each client's mean over their sessions in the group, then over clients. */
async function withinByDefinition(db: Connector, filter: OutcomeFilter, group: 'primary_condition' | 'primary_technique'): Promise<GroupChange[]> {
	const clients = withinSessionClientsSql(PAIN, filter, group);
	const rows = await db.query<{ grp: string; n: number; mean: number; sd: number }>(
		`SELECT CAST(grp AS VARCHAR) AS grp, CAST(count(change) AS INTEGER) AS n, avg(change) AS mean, stddev_samp(change) AS sd
		FROM (${clients.sql}) WHERE change IS NOT NULL GROUP BY grp`,
		clients.params
	);
	return rows.map((r) => ({ group: r.grp, n: r.n, mean: r.mean, sd: r.sd }));
}

function expectSameGroups(actual: readonly GroupChange[], expected: readonly GroupChange[]) {
	expect(actual.map((g) => g.group).sort()).toEqual(expected.map((g) => g.group).sort());
	for (const e of expected) {
		const a = actual.find((g) => g.group === e.group)!;
		expect(a.n).toBe(e.n);
		expect(a.mean).toBeCloseTo(e.mean, 9);
		if (e.sd === null || Number.isNaN(e.sd)) expect(a.sd).toBeNull();
		else expect(a.sd!).toBeCloseTo(e.sd, 9);
	}
}

/** The shown group estimates' n, and the raw groups' n, per kind. */
function shownN(groups: ImprovementGroups, kind: 'course' | 'within'): number[] {
	return groups.rows.flatMap((r) => (r[kind] ? [r[kind].n] : []));
}

describe('how clients improve', () => {
	let db: Connector;
	beforeAll(async () => {
		db = await openDemoDatabase();
	});
	afterAll(async () => {
		await db.close();
	});

	it('gives the within-session change by condition and by session technique of its definition, under filters', async () => {
		for (const filter of [NO_FILTER, { ...NO_FILTER, therapists: ['T03'], from: '2025-01', to: '2025-12' }, { ...NO_FILTER, conditions: ['neck_pain'] }]) {
			const scan = await queryOverviewScan(db, filter, 'pre');
			expectSameGroups(scan.withinByCondition, await withinByDefinition(db, filter, 'primary_condition'));
			expectSameGroups(scan.withinByTechnique, await withinByDefinition(db, filter, 'primary_technique'));
		}
	});

	it('adds up to the key figures: conditions partition the clients of both changes', async () => {
		for (const filter of [NO_FILTER, { ...NO_FILTER, from: '2025-03', to: '2025-08' }]) {
			const scan = await queryOverviewScan(db, filter, 'pre');
			const course = await queryCourseImprovement(db, filter);
			const kpis = await queryCourseKpis(db, filter);
			const pooled = (groups: GroupChange[]) => groups.reduce((sum, g) => sum + g.n * g.mean, 0) / groups.reduce((sum, g) => sum + g.n, 0);
			for (const groups of [course.byCondition, course.byTechnique]) {
				expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(kpis.courseChangeClients);
				expect(pooled(groups)).toBeCloseTo(kpis.coursePainChange!, 9);
			}
			expect(scan.withinByCondition.reduce((sum, g) => sum + g.n, 0)).toBe(scan.kpis.withinClients);
			expect(pooled(scan.withinByCondition)).toBeCloseTo(scan.kpis.withinPainChange!, 9);
		}
	});

	it('shows the planted effects: pain conditions improve over a course, stress and sleep ones hardly; trigger point helps tension headache most', async () => {
		const overview = await loadOverview(db, NO_FILTER, 'pre', 11);
		const course = new Map(overview.improvement.byCondition.rows.map((r) => [r.group, r.course!.mean]));
		for (const pain of ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'tension_headache'])
			for (const calm of ['anxiety_stress', 'insomnia', 'general_wellness']) expect(course.get(pain)!).toBeGreaterThan(course.get(calm)! + 0.5);
		const headache = await loadOverview(db, { ...NO_FILTER, conditions: ['tension_headache'] }, 'pre', 11);
		const byTechnique = headache.improvement.byTechnique.rows.filter((r) => r.course !== null);
		expect([...byTechnique].sort((a, b) => b.course!.mean - a.course!.mean)[0].group).toBe('trigger_point');
		// Each interval is the t interval of the clients' changes, most clients first.
		const first = overview.improvement.byCondition.rows[0];
		expect(first.group).toBe('chronic_low_back_pain');
		const raw = (await queryCourseImprovement(db, NO_FILTER)).byCondition.find((g) => g.group === first.group)!;
		const interval = meanInterval({ n: raw.n, mean: raw.mean, sd: raw.sd! })!;
		expect(first.course).toEqual({ n: raw.n, mean: raw.mean, lower: interval.lower, upper: interval.upper });
		expect(first.course!.lower!).toBeLessThan(first.course!.mean);
	});

	it('shows no estimate from fewer than k clients, and never one hidden estimate alone beside its total', async () => {
		const filters: OutcomeFilter[] = [NO_FILTER, { ...NO_FILTER, therapists: ['T08'], from: '2025-01', to: '2025-12' }, { ...NO_FILTER, clinics: ['west'], conditions: ['neck_pain', 'shoulder'] }];
		for (const filter of filters) {
			for (const k of [5, 11, 25]) {
				const overview = await loadOverview(db, filter, 'pre', k);
				const scan = await queryOverviewScan(db, filter, 'pre');
				const course = await queryCourseImprovement(db, filter);
				for (const [groups, rawCourse, rawWithin] of [
					[overview.improvement.byCondition, course.byCondition, scan.withinByCondition],
					[overview.improvement.byTechnique, course.byTechnique, scan.withinByTechnique]
				] as const) {
					for (const kind of ['course', 'within'] as const) {
						expect(shownN(groups, kind).every((n) => n >= k)).toBe(true);
						const raw = kind === 'course' ? rawCourse : rawWithin;
						const hidden = raw.length - shownN(groups, kind).length;
						// A margin with hidden estimates hides at least two, one of them from k clients or more.
						expect(hidden === 0 || hidden >= 2).toBe(true);
					}
				}
			}
		}
	});
});

describe('protectImprovement', () => {
	const g = (group: string, n: number, mean = 1, sd: number | null = 1): GroupChange => ({ group, n, mean, sd });

	it('hides a small group and the next smallest, keeps the rest, most clients first', () => {
		const shown = protectImprovement([g('a', 40), g('b', 8), g('c', 20)], [g('a', 45), g('b', 30), g('c', 25)], { k: 11 });
		expect(shown.rows.map((r) => [r.group, r.course?.n ?? null, r.within?.n ?? null])).toEqual([
			['a', 40, 45],
			['b', null, 30],
			['c', null, 25]
		]);
		expect(shown).toMatchObject({ hidden: 2, total: 6 });
	});

	it('hides a group whose n differs by fewer than k from its n without the condition filter (differencing)', () => {
		const wide = { course: [g('a', 45), g('b', 50)], within: [g('a', 80), g('b', 70)] };
		const shown = protectImprovement([g('a', 40), g('b', 30)], [g('a', 50), g('b', 40)], { k: 11, neighbours: wide });
		// a's course n is 40 here and 45 without the filter: the 5 others' mean would follow from the two.
		expect(shown.rows.find((r) => r.group === 'a')!.course).toBeNull();
		expect(shown.rows.find((r) => r.group === 'a')!.within!.n).toBe(50);
		expect(shown.rows.find((r) => r.group === 'b')!.course!.n).toBe(30);
	});
});
