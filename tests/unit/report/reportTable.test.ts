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
		const within = reportOutcomes(row('a', 16), 11).within!;
		// 1.5 ± t(0.975, 15) · 1/√16 = 1.5 ± 2.1314 · 0.25.
		expect(within.lower).toBeCloseTo(1.5 - 2.1314 * 0.25, 3);
	});
});
