import { describe, expect, it } from 'vitest';
import { suppressKpis } from '$lib/overview/overview';
import { DEFAULT_K, checkedK, partitionSuppressed, suppressSmallCells } from '$lib/disclosure';

describe('small-cell suppression', () => {
	const rows = [
		{ month: '2025-01', technique: 'swedish', mean: 4.2, sessions: 40, clients: 11 },
		{ month: '2025-01', technique: 'sports', mean: 3.1, sessions: 30, clients: 10 }
	];

	it('defaults to k = 11 and refuses k below 5', () => {
		expect(DEFAULT_K).toBe(11);
		expect(checkedK(5)).toBe(5);
		expect(() => checkedK(4)).toThrow('invalid k: 4');
		expect(() => checkedK(7.5)).toThrow('invalid k: 7.5');
	});

	it('keeps groups of k clients and blanks every number of smaller ones', () => {
		expect(suppressSmallCells(rows, { clients: (r) => r.clients })).toEqual([
			{ ...rows[0], suppressed: false },
			{ month: '2025-01', technique: 'sports', mean: null, sessions: null, clients: null, suppressed: true }
		]);
		const { shown, hidden } = partitionSuppressed(suppressSmallCells(rows, { k: 12, clients: (r) => r.clients }));
		expect(shown).toHaveLength(0);
		expect(hidden).toBe(2);
	});

	it('hides complements so that a hidden group cannot be recovered from the total', () => {
		const month = [
			{ technique: '(all)', clients: 60 },
			{ technique: 'a', clients: 4 },
			{ technique: 'b', clients: 5 },
			{ technique: 'c', clients: 12 },
			{ technique: 'd', clients: 39 }
		];
		const hidden = (k: number) =>
			suppressSmallCells(month, { k, clients: (r) => r.clients, group: () => 'm' }).filter((r) => r.suppressed).map((r) => r.technique);
		// a and b are below 11 and may be the same 5 clients, so c (the smallest shown, 12 clients) is hidden too.
		expect(hidden(11)).toEqual(['a', 'b', 'c']);
		// With k = 5, a alone is below k; b (5 clients) is hidden with it.
		expect(hidden(5)).toEqual(['a', 'b']);
		// With k = 13, a, b and c are below k; d (39) is hidden with them, and the total (60) stays.
		expect(hidden(13)).toEqual(['a', 'b', 'c', 'd']);
		// Without a group, only primary suppression.
		expect(suppressSmallCells(month, { clients: (r) => r.clients }).filter((r) => r.suppressed)).toHaveLength(2);
	});

	it('hides each KPI by the clients it comes from', () => {
		const row = { sessions: 300, clients: 40, withinPainChange: 1.5, withinSessions: 290, withinClients: 40, courseClients: 10, courseResponders: 6, courseChangeClients: 10, coursePainChange: 2.4 };
		expect(suppressKpis(row, 11)).toEqual({
			sessions: 300, clients: 40, withinPainChange: 1.5,
			responderShare: null, courseResponders: null, courseClients: null, coursePainChange: null
		});
		expect(suppressKpis({ ...row, clients: 10 }, 11).sessions).toBeNull();
		// Responders and non-responders are both counts of clients: each must be at least k.
		expect(suppressKpis({ ...row, courseClients: 30, courseResponders: 12 }, 11).responderShare).toBe(0.4);
		expect(suppressKpis({ ...row, courseClients: 30, courseResponders: 5 }, 11).responderShare).toBeNull();
		expect(suppressKpis({ ...row, courseClients: 30, courseResponders: 25 }, 11).responderShare).toBeNull();
		expect(suppressKpis({ ...row, courseClients: 30, courseResponders: 25 }, 11).coursePainChange).toBeNull();
		// The mean change is over every course with a change, so it follows their count, not the responders' n.
		expect(suppressKpis({ ...row, courseChangeClients: 30 }, 11).coursePainChange).toBe(2.4);
		// 40 clients, 35 in courses: the 5 left out would be counted by subtraction, so the counts are not stated.
		const fewLeftOut = suppressKpis({ ...row, courseClients: 35, courseResponders: 15 }, 11);
		expect([fewLeftOut.responderShare, fewLeftOut.courseResponders, fewLeftOut.courseClients]).toEqual([15 / 35, null, null]);
	});
});
