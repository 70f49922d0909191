import { describe, expect, it } from 'vitest';
import { reportOutcomes, reportTable } from '$lib/report/reportModel';
import type { ReportGroupRow } from '$lib/report/reportQueries';

const row = (group: string, clients: number, over: Partial<ReportGroupRow> = {}): ReportGroupRow => ({
	group, sessions: clients * 2, clients, withinClients: clients, withinMean: 1.5, withinSd: 1, withinSdPre: 2, withinSdPost: 2,
	courseClients: clients, courseMean: 2, courseSd: 1.5, courseSdBaseline: 2, courseSdEnd: 2, responderEligible: clients, courseResponders: Math.floor(clients / 2), ...over
});

describe('report suppression', () => {
	it('hides a small row and, secondarily, the next smallest, counting them but not naming them', () => {
		const table = reportTable([row('a', 50), row('b', 30), row('c', 12), row('d', 5)], 11);
		expect(table.rows.map((r) => r.code)).toEqual(['a', 'b']);
		expect(table.hidden).toBe(2);
	});

	it('shows a rate only when responders and non-responders both reach k', () => {
		expect(reportOutcomes(row('a', 40, { courseResponders: 30 }), 11).responders).toBeNull();
		const shown = reportOutcomes(row('a', 40, { courseResponders: 20 }), 11).responders!;
		expect(shown.rate).toBe(0.5);
		// Wilson 95% CI of 20/40 (Newcombe 1998 method 3): 0.352 to 0.648.
		expect(shown.lower).toBeCloseTo(0.352, 3);
		expect(shown.upper).toBeCloseTo(0.648, 3);
		expect(reportOutcomes(row('a', 40, { courseClients: 10 }), 11).course).toBeNull();
		// A change's n is stated only when it is all the row's clients or leaves out at least k of them.
		expect([40, 35, 29].map((n) => reportOutcomes(row('a', 40, { withinClients: n }), 11).withinN)).toEqual([40, null, 29]);
		expect([40, 30, 29].map((n) => reportOutcomes(row('a', 40, { courseClients: n }), 11).courseN)).toEqual([40, null, 29]);
		// Each change carries both effect sizes, named: d_z = 1.5 / 1 and d_av = 1.5 / ((2 + 2) / 2).
		const effects = reportOutcomes(row('a', 40), 11).withinEffects!;
		expect([effects.dz, effects.dav]).toEqual([{ name: 'd_z', value: 1.5 }, { name: 'd_av', value: 0.75 }]);
		const within = reportOutcomes(row('a', 16), 11).within!;
		// 1.5 ± t(0.975, 15) · 1/√16 = 1.5 ± 2.1314 · 0.25.
		expect(within.lower).toBeCloseTo(1.5 - 2.1314 * 0.25, 3);
	});
});
