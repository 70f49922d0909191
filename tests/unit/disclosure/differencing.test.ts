import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { differencing } from '$lib/disclosure/audit';
import { loadOverview, type Overview } from '$lib/overview/overview';
import { NO_FILTER, OTHER_TECHNIQUES, queryFilterOptions, type OutcomeFilter } from '$lib/queries';
import { openDemoDatabase } from '../../support/demoDataset';

const K = 11;

/**
 * The client counts an overview publishes, by what they count: key figures, conditions, chart points (by their
 * grain: a quarter's point is not its first month's), the improvement figures' n.
 */
function publishedCounts(overview: Overview): Map<string, number | null> {
	const counts = new Map<string, number | null>([
		['clients', overview.kpis.clients],
		['courses', overview.kpis.courseClients],
		['responders', overview.kpis.courseResponders]
	]);
	for (const row of overview.conditions) counts.set(`condition ${row.condition}`, row.suppressed ? null : row.clients);
	for (const trend of overview.trends) {
		counts.set(`${trend.measure.key} chart`, trend.clients);
		// A pooled line is the same group only where the same techniques were pooled.
		const technique = (code: string) => (code === OTHER_TECHNIQUES ? `${code} ${overview.grain.pooled.join('+')}` : code);
		for (const row of trend.rows) counts.set(`${trend.measure.key} ${overview.grain.step} ${row.month} ${technique(row.technique)}`, row.suppressed ? null : row.clients);
	}
	for (const [by, groups] of Object.entries(overview.improvement)) {
		for (const row of groups.rows) {
			counts.set(`improvement ${by} ${row.group} course`, row.course?.n ?? null);
			counts.set(`improvement ${by} ${row.group} within`, row.within?.n ?? null);
		}
	}
	return counts;
}

/**
 * Differencing between views one control apart, on the demo data at k = 11: every month range against the same range
 * one month longer, every technique against it plus one other, every condition against all. The number of groups of
 * fewer than k clients it recovers is stated in docs/privacy.md; this test keeps the two equal.
 */
describe('differencing between views one control apart', () => {
	let db: Connector;
	const views = new Map<string, Promise<Map<string, number | null>>>();
	const view = (filter: OutcomeFilter) => {
		const key = JSON.stringify(filter);
		if (!views.has(key)) views.set(key, loadOverview(db, filter, 'pre', K).then(publishedCounts));
		return views.get(key)!;
	};
	beforeAll(async () => { db = await openDemoDatabase(); });
	afterAll(() => db.close());

	it('recovers as many small groups as docs/privacy.md says, and names the controls that do it', async () => {
		const options = await queryFilterOptions(db);
		const months: string[] = [];
		for (let m = options.firstMonth!; m <= options.lastMonth!; ) {
			months.push(m);
			const [y, mo] = m.split('-').map(Number);
			m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
		}
		const techniques = options.techniques.map((t) => t.value);
		const conditions = options.conditions.map((c) => c.value);
		const recovered: Record<string, number> = { month: 0, technique: 0, condition: 0 };
		for (let a = 0; a < months.length; a++) {
			for (let b = a; b + 1 < months.length; b++) {
				const narrow = await view({ ...NO_FILTER, from: months[a], to: months[b] });
				const wide = await view({ ...NO_FILTER, from: months[a], to: months[b + 1] });
				recovered.month += differencing(narrow, wide, K).length;
			}
		}
		for (const one of techniques) {
			for (const other of techniques.filter((t) => t > one)) {
				recovered.technique += differencing(await view({ ...NO_FILTER, techniques: [one] }), await view({ ...NO_FILTER, techniques: [one, other] }), K).length;
			}
		}
		const all = await view(NO_FILTER);
		for (const condition of conditions) recovered.condition += differencing(await view({ ...NO_FILTER, conditions: [condition] }), all, K).length;
		const doc = readFileSync('docs/privacy.md', 'utf8');
		const stated = /recovers (\d[\d,]*) groups of fewer than 11 clients \((\d[\d,]*) by a month more, (\d[\d,]*) by a technique added, (\d[\d,]*) by one condition against all\)/.exec(doc);
		const total = recovered.month + recovered.technique + recovered.condition;
		const measured = `recovers ${total.toLocaleString('en-US')} groups of fewer than 11 clients (${recovered.month.toLocaleString('en-US')} by a month more, ${recovered.technique.toLocaleString('en-US')} by a technique added, ${recovered.condition.toLocaleString('en-US')} by one condition against all)`;
		expect(stated?.[0], `docs/privacy.md should say: "${measured}"`).toBe(measured);
	}, 600_000);
});
