import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { parsePeriod, periodChoices, periodLabel, periodMonths, previousPeriod } from '$lib/report/period';
import { formatChange } from '$lib/report/reportText';
import { buildReport } from '$lib/report/reportModel';
import { queryReportGroups, queryReportMonths } from '$lib/report/reportQueries';
import { openDemoDatabase } from '../../support/demoDataset';

/** The printable clinic report on the demo data: its counts against direct SQL, and its suppression. */
describe('clinic report, on the demo data', () => {
	let db: Connector;
	let months: string[];
	let lastDate: string | null;
	beforeAll(async () => {
		db = await openDemoDatabase();
		({ months, lastDate } = await queryReportMonths(db));
	});
	afterAll(() => db.close());

	const count = async (from: string, to: string) => {
		const [row] = await db.query<{ sessions: number; clients: number }>(
			`SELECT CAST(count(*) AS INTEGER) AS sessions, CAST(count(DISTINCT client_id) AS INTEGER) AS clients
			FROM sessions WHERE session_date >= CAST(? AS DATE) AND session_date < CAST(? AS DATE) + INTERVAL 1 MONTH`,
			[`${from}-01`, `${to}-01`]
		);
		return row;
	};

	it('defaults to the last full month and offers months and quarters', () => {
		const choices = periodChoices(months, lastDate);
		expect(choices.months[0]).toBe(months[months.length - 1]);
		expect(choices.defaultKey).toMatch(/^\d{4}-\d{2}$/);
		expect(months).toContain(choices.defaultKey);
		expect(choices.quarters.every((q) => /^\d{4}-Q[1-4]$/.test(q))).toBe(true);
		expect(periodChoices(['2025-01', '2025-02'], '2025-02-27').defaultKey).toBe('2025-01');
		expect(periodChoices(['2025-01', '2025-02'], '2025-02-28').defaultKey).toBe('2025-02');
	});

	it('parses periods and steps back across years', () => {
		expect(parsePeriod('2025-Q1')).toMatchObject({ from: '2025-01', to: '2025-03' });
		expect(previousPeriod(parsePeriod('2025-Q1')).key).toBe('2024-Q4');
		expect(previousPeriod(parsePeriod('2025-01')).key).toBe('2024-12');
		expect(periodMonths(parsePeriod('2024-Q4'))).toEqual(['2024-10', '2024-11', '2024-12']);
		expect(() => parsePeriod('2025-13')).toThrow('invalid period: 2025-13');
		expect(periodLabel(parsePeriod('2026-10'))).toBe('Oct 2026');
		expect(periodLabel(parsePeriod('2026-Q1'))).toBe('Q1 2026 (Jan–Mar)');
		expect(formatChange(0.123)).toBe('+12%');
		expect(formatChange(-0.03)).toBe('−3%');
	});

	it('a month: sessions and clients equal a direct count, and the previous month is compared', async () => {
		const month = periodChoices(months, lastDate).defaultKey!;
		const report = await buildReport(db, { period: month, k: 11 });
		const direct = await count(month, month);
		expect(direct.sessions).toBeGreaterThan(100);
		expect(report.totals?.sessions).toBe(direct.sessions);
		expect(report.totals?.clients).toBe(direct.clients);
		const before = previousPeriod(parsePeriod(month));
		const directBefore = await count(before.from, before.to);
		expect(report.previous.sessions).toBe(directBefore.sessions);
		expect(report.previous.sessionsChange).toBeCloseTo(direct.sessions / directBefore.sessions - 1, 10);
		expect(report.totals?.within?.n).toBeGreaterThanOrEqual(11);
		// Shown condition rows add up to no more than the total, and their sessions sum with the hidden ones to it.
		const shownSessions = report.conditions.rows.reduce((sum, r) => sum + r.sessions, 0);
		expect(shownSessions).toBeLessThanOrEqual(direct.sessions);
		expect(report.volume.bars.reduce((sum, b) => sum + (b.sessions ?? 0), 0)).toBeLessThanOrEqual(direct.sessions);
	});

	it('new clients are those whose first session ever is in the period', async () => {
		const month = periodChoices(months, lastDate).defaultKey!;
		const report = await buildReport(db, { period: month, k: 5 });
		const [row] = await db.query<{ n: number }>(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT client_id, min(session_date) AS first FROM sessions GROUP BY client_id)
			WHERE strftime(first, '%Y-%m') = ?`,
			[month]
		);
		expect(report.newClients).toBe(row.n);
	});

	it('a quarter equals the sum of its months', async () => {
		const quarter = periodChoices(months, lastDate).quarters[1];
		const report = await buildReport(db, { period: quarter, k: 11 });
		const monthly = await Promise.all(periodMonths(parsePeriod(quarter)).map((m) => buildReport(db, { period: m, k: 11 })));
		const sum = monthly.reduce((total, r) => total + (r.totals?.sessions ?? NaN), 0);
		expect(sum).toBeGreaterThan(0);
		expect(report.totals?.sessions).toBe(sum);
		expect(report.volume.unit).toBe('month');
		expect(report.volume.bars.map((b) => b.sessions)).toEqual(monthly.map((r) => r.totals?.sessions));
	});

	it('a condition below k is hidden and counted, never named', async () => {
		const month = periodChoices(months, lastDate).defaultKey!;
		const raw = await queryReportGroups(db, parsePeriod(month), 'primary_condition');
		// A k between the smallest and the largest condition hides at least one and shows at least one.
		const sizes = raw.map((r) => r.clients).sort((a, b) => a - b);
		const k = Math.max(11, sizes[0] + 1);
		expect(k).toBeLessThanOrEqual(sizes[sizes.length - 1]);
		const report = await buildReport(db, { period: month, k });
		const small = raw.filter((r) => r.clients < k).map((r) => r.group);
		expect(small.length).toBeGreaterThan(0);
		expect(report.conditions.hidden).toBeGreaterThanOrEqual(small.length);
		expect(report.conditions.rows.length + report.conditions.hidden).toBe(raw.length);
		for (const code of small) expect(report.conditions.rows.map((r) => r.code)).not.toContain(code);
		expect(report.conditions.rows.every((r) => r.clients >= k)).toBe(true);
		expect(JSON.stringify(report.conditions)).not.toContain(small[0]);
	});

	it('technique sessions: the total minus the shown ones never isolates a hidden group below k', async () => {
		for (const period of [periodChoices(months, lastDate).defaultKey!, ...months.slice(0, 3)]) {
			for (const k of [11, 20, 40]) {
				const raw = await queryReportGroups(db, parsePeriod(period), 'primary_technique');
				const report = await buildReport(db, { period, k });
				const shown = new Set(report.techniques.rows.map((r) => r.code));
				const hidden = raw.filter((r) => !shown.has(r.group));
				expect(hidden.length).toBe(report.techniques.hidden);
				const shownSessions = report.techniques.rows.reduce((sum, r) => sum + r.sessions, 0);
				expect(shownSessions + hidden.reduce((sum, r) => sum + r.sessions, 0)).toBe(report.totals?.sessions);
				// What subtraction reveals (the hidden rows together) comes from at least k clients.
				// (When every row is hidden, that is the shown total itself.)
				const hiddenClients = hidden.length === raw.length ? report.totals!.clients : Math.max(0, ...hidden.map((r) => r.clients));
				if (hidden.length > 0) expect(hiddenClients).toBeGreaterThanOrEqual(k);
				if (hidden.length > 0 && hidden.length < raw.length) expect(report.techniques.rows.length).toBeGreaterThan(0);
			}
		}
	});

	it('hides responder rates unless responders and non-responders both reach k', async () => {
		const quarter = periodChoices(months, lastDate).quarters[1];
		const report = await buildReport(db, { period: quarter, k: 11 });
		const rates = [...report.conditions.rows, ...report.techniques.rows].filter((r) => r.responders);
		expect(rates.length).toBeGreaterThan(0);
		for (const r of rates) {
			const p = r.responders!;
			expect(p.successes).toBeGreaterThanOrEqual(11);
			expect(p.n - p.successes).toBeGreaterThanOrEqual(11);
			expect(p.lower).toBeLessThan(p.rate);
			expect(p.upper).toBeGreaterThan(p.rate);
		}
	});
});
