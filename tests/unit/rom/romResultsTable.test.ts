import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { RomMovementOutcome } from '$lib/queries/romOutcomes';
import { romResults } from '$lib/rom/romAnalysis';
import type { Summary } from '$lib/stats/summary';
import RomResultsTable from '../../../src/routes/rom/RomResultsTable.svelte';

const s = (n: number, mean: number, sd: number): Summary => ({ n, mean, sd });

function outcome(movement: string, clients: number, course: number, beyondMdc: number | null): RomMovementOutcome {
	return {
		movement, clients,
		baseline: s(clients, 55, 9), baselinePercent: s(clients, 68.75, 11.25),
		withinPre: s(clients, 60, 9), withinPost: s(clients, 63, 9), withinChange: s(clients, 3, 1), withinChangePercent: s(clients, 3.75, 1.25),
		courseBaseline: s(course, 55, 9), courseEnd: s(course, 67, 9), courseChange: s(course, 12, 4), courseChangePercent: s(course, 15, 5),
		courseBaselinePercent: s(course, 68.75, 11.25), courseEndPercent: s(course, 83.75, 11.25),
		beyondMdc
	};
}

describe('the ROM results table', () => {
	const results = romResults(
		[outcome('cervical_rotation', 60, 52, 30), outcome('hip_flexion', 30, 15, null), outcome('shoulder_flexion', 4, 3, 2), outcome('lumbar_flexion', 25, 8, null)],
		{ condition: null, technique: null, end: 'last_pre' },
		11
	);
	const { body } = render(RomResultsTable, { props: { results } });
	const rows = [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/\s+/g, ' ').trim());

	it('has one row per movement shown, and none for the hidden one', () => {
		expect(rows).toHaveLength(4);
		expect(body).not.toContain('Shoulder flexion');
	});

	it('gives degrees, % of normal, 95% CIs, n, the MDC and the share beyond it', () => {
		// Within: d_z = 3 / 1, d_av = 3 / 9. Course: 12 ± t(0.975, 51) × 4 / √52; 52 of 60 clients, so its n (8 fewer)
		// is not stated; d_z = 12 / 4, d_av = 12 / 9.
		// Beyond the MDC: 30 of 52, Wilson 0.442 to 0.701.
		expect(rows[1]).toBe(
			'Cervical rotation 60 55.0° (68.8%) 3.0° (2.7° to 3.3°) 3.8% of normal n = 60 d_z 3.00 · d_av 0.33 12.0° (10.9° to 13.1°) 15.0% of normal n: all but fewer than 11 d_z 3.00 · d_av 1.33 9.6° 58% (44% to 70%) n ≥ 20'
		);
	});

	it('says where there is no published MDC, where an estimate is hidden, and which estimates are unstable', () => {
		expect(rows[2]).toContain('Hip flexion 30');
		expect(rows[2]).toContain('No published MDC');
		expect(rows[2]).toContain('Unstable: n < 20');
		expect(rows[3]).toContain('Trunk/lumbar flexion 25');
		expect(rows[3]).toContain('Hidden: fewer than 11 clients');
	});
});
