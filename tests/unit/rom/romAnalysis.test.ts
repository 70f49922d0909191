import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { NO_FILTER } from '$lib/queries';
import { queryRomOutcomes, type RomMovementOutcome } from '$lib/queries/romOutcomes';
import { loadRomResults, romFilter, romResults, type RomChoice, type RomResults } from '$lib/rom/romAnalysis';
import { statedN } from '$lib/disclosure';
import { romChangePoints, romProgressPoints } from '$lib/rom/romChartPoints';
import { formatInterval } from '$lib/format';
import { formatDegrees, formatProportion, hiddenMovementsNote, mdcSources, romChartNote, romStatusText } from '$lib/rom/romText';
import type { Summary } from '$lib/stats/summary';
import { openDemoDatabase } from '../../support/demoDataset';

const ALL: RomChoice = { condition: null, technique: null, end: 'last_pre' };
const s = (n: number, mean: number, sd: number): Summary => ({ n, mean, sd });

/** A movement's summaries: `clients` with a baseline, `within` with a within-session change, `course` with a course. */
function outcome(movement: string, clients: number, within: number, course: number, beyondMdc: number | null): RomMovementOutcome {
	return {
		movement, clients,
		baseline: s(clients, 60, 10), baselinePercent: s(clients, 75, 12.5),
		withinPre: s(within, 62, 10), withinPost: s(within, 65, 10), withinChange: s(within, 3, 1), withinChangePercent: s(within, 3.75, 1.25),
		courseBaseline: s(course, 60, 9), courseEnd: s(course, 72, 11), courseChange: s(course, 12, 5), courseChangePercent: s(course, 15, 6.25),
		courseBaselinePercent: s(course, 75, 11.25), courseEndPercent: s(course, 90, 13.75),
		beyondMdc
	};
}

describe('what the ROM page shows, with suppression applied once', () => {
	const rows = [
		outcome('cervical_rotation', 40, 35, 28, 14),
		outcome('hip_flexion', 8, 8, 6, null),
		outcome('lumbar_flexion', 30, 30, 15, null),
		outcome('shoulder_flexion', 50, 50, 40, 32),
		outcome('shoulder_abduction', 25, 25, 9, 5)
	];
	const results = romResults(rows, ALL, 11);
	const row = (code: string) => results.movements.find((m) => m.movement.code === code)!;

	it('leaves out a movement measured in fewer than k clients, and counts it without naming it', () => {
		expect(results.movements.map((m) => m.movement.code)).toEqual(['cervical_rotation', 'shoulder_abduction', 'shoulder_flexion', 'lumbar_flexion']);
		expect(results.hiddenMovements).toBe(1);
		expect(hiddenMovementsNote(results)).toBe('1 movement was measured in fewer than 11 clients and is hidden to protect privacy.');
		expect(JSON.stringify(results)).not.toContain('hip_flexion');
		expect(romStatusText(results)).toBe('Showing All conditions, any course technique: 4 movements; 1 hidden for privacy.');
		// Raising k to 26 hides shoulder abduction (25) too.
		expect(romResults(rows, ALL, 26).hiddenMovements).toBe(2);
	});

	it('hides an estimate from fewer than k clients inside a shown row', () => {
		expect(row('shoulder_abduction').course).toEqual({ state: 'hidden' });
		expect(row('shoulder_abduction').beyondMdc).toEqual({ state: 'hidden' });
		expect(row('shoulder_abduction').within.state).toBe('shown');
		expect(romChartNote(results, romChangePoints(results).length)).toBe(
			'1 movement has fewer than 11 clients measured in two or more sessions: not charted (see the table). ' +
				'1 movement was measured in fewer than 11 clients and is hidden to protect privacy.'
		);
	});

	it('shows a share beyond the MDC only if those who did and those who did not both number k or more', () => {
		// Shoulder flexion: 32 of 40, so 8 did not.
		expect(row('shoulder_flexion').beyondMdc).toEqual({ state: 'hidden' });
		const cervical = row('cervical_rotation').beyondMdc;
		expect(cervical.state).toBe('shown');
		if (cervical.state !== 'shown') return;
		expect(cervical.value).toMatchObject({ successes: 14, n: 28, rate: 0.5 });
		// Wilson: (0.5 + z²/2n ± z√(0.25/n + z²/4n²)) / (1 + z²/n), n = 28: 0.326 to 0.674.
		expect(formatProportion(cervical.value)).toBe('50% (33% to 67%)');
		expect(row('lumbar_flexion').beyondMdc).toEqual({ state: 'none' });
	});

	it('states an n only when it is all the clients or leaves out at least k', () => {
		expect([statedN(40, 40, 11), statedN(35, 40, 11), statedN(29, 40, 11), statedN(28, 40, 11)]).toEqual([40, null, 29, 28]);
		const cervical = row('cervical_rotation');
		expect(cervical.within.state === 'shown' && cervical.within.value.n).toBeNull();
		expect(cervical.course.state === 'shown' && cervical.course.value.n).toBe(28);
	});

	it('gives the 95% CI, d_z, d_av and the unstable flag (n < 20) of each change', () => {
		const cervical = row('cervical_rotation');
		if (cervical.course.state !== 'shown') throw new Error('course hidden');
		const { degrees, effects, baselinePercent, endPercent } = cervical.course.value;
		// 12 ± t(0.975, 27) × 5 / √28 = 12 ± 2.0518 × 0.9449.
		expect(degrees.lower).toBeCloseTo(10.061, 3);
		expect(degrees.upper).toBeCloseTo(13.939, 3);
		expect(formatInterval(degrees, formatDegrees)).toBe('12.0° (10.1° to 13.9°)');
		expect(effects.dav).toEqual({ name: 'd_av', value: 12 / 10 });
		// d_z = mean / SD of the changes = 12 / 5.
		expect(effects.dz).toEqual({ name: 'd_z', value: 12 / 5 });
		expect([baselinePercent, endPercent]).toEqual([75, 90]);
		expect(cervical.unstable).toBe(false);
		// Lumbar flexion's course comes from 15 clients.
		expect(row('lumbar_flexion').unstable).toBe(true);
		expect(romChangePoints(results).find((p) => p.label === 'Trunk/lumbar flexion')).toMatchObject({ unstable: true, mdc: null });
		expect(romProgressPoints(results).map((p) => p.label)).toEqual(['Cervical rotation', 'Shoulder flexion', 'Trunk/lumbar flexion']);
	});

	it('names each MDC source once, with the movements shown that use it', () => {
		const lines = mdcSources(results);
		expect(lines.map((l) => l.movements)).toEqual(['Cervical rotation', 'Shoulder abduction, Shoulder flexion', 'Trunk/lumbar flexion']);
		expect(lines[0].source).toContain('Fletcher & Bandy 2008');
		expect(lines[2].source).toContain('None published');
	});

	it('turns the choice into a course filter', () => {
		expect(romFilter({ condition: 'neck_pain', technique: 'swedish', end: 'last_post' })).toEqual({ ...NO_FILTER, conditions: ['neck_pain'], techniques: ['swedish'] });
		expect(romFilter(ALL)).toEqual(NO_FILTER);
		expect(() => romResults(rows, ALL, 4)).toThrow('invalid k: 4');
	});
});

describe('suppression on the demo data', () => {
	let db: Connector;
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	it('home therapist T07: hip flexion (5 clients) and shoulder abduction (10) are hidden and counted; 11 is shown', async () => {
		const rows = await queryRomOutcomes(db, { ...NO_FILTER, therapists: ['T07'] }, 'last_pre');
		expect(rows.map((r) => [r.movement, r.clients])).toEqual([
			['cervical_rotation', 26], ['hip_flexion', 5], ['lumbar_flexion', 25], ['shoulder_abduction', 10], ['shoulder_flexion', 11]
		]);
		const results = romResults(rows, ALL, 11);
		expect(results.movements.map((m) => [m.movement.code, m.clients])).toEqual([
			['cervical_rotation', 26], ['shoulder_flexion', 11], ['lumbar_flexion', 25]
		]);
		expect(results.hiddenMovements).toBe(2);
		expect(hiddenMovementsNote(results)).toBe('2 movements were measured in fewer than 11 clients and are hidden to protect privacy.');
		// Shoulder flexion is shown at exactly k, but fewer than k of its clients have a course, and it is flagged unstable.
		const shoulder = results.movements.find((m) => m.movement.code === 'shoulder_flexion')!;
		expect(rows.find((r) => r.movement === 'shoulder_flexion')!.courseChange.n).toBeLessThan(11);
		expect(shoulder.course).toEqual({ state: 'hidden' });
		expect(shoulder.unstable).toBe(true);
	});

	it('all courses, course end after the last session: shoulder flexion’s share is hidden (6 of 135 did not pass the MDC)', async () => {
		const results: RomResults = await loadRomResults(db, { ...ALL, end: 'last_post' }, 11);
		const shoulder = results.movements.find((m) => m.movement.code === 'shoulder_flexion')!;
		expect(shoulder.beyondMdc).toEqual({ state: 'hidden' });
		const cervical = results.movements.find((m) => m.movement.code === 'cervical_rotation')!;
		expect(cervical.beyondMdc).toMatchObject({ state: 'shown', value: { successes: 160, n: 220 } });
		expect(results.hiddenMovements).toBe(0);
		expect(results.movements.every((m) => !m.unstable)).toBe(true);
	});
});
