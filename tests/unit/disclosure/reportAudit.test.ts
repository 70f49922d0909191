import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { attack, together } from '$lib/disclosure/audit';
import { parsePeriod } from '$lib/report/period';
import { buildReport, reportOutcomes, reportTable, type ReportTable } from '$lib/report/reportModel';
import type { ReportGroupRow } from '$lib/report/reportQueries';
import { queryNewClients, queryReportGroups, queryReportMonths, queryReportVolume } from '$lib/report/reportQueries';
import { openDemoDatabase } from '../../support/demoDataset';
import { openSubsampledDemo } from '../../support/subsampledDemo';
import { reportPublications, type ReportTruth } from './reportPublication';

async function reportTruth(db: Connector, key: string): Promise<ReportTruth> {
	const period = parsePeriod(key);
	const [[total], conditions, techniques, volume, newClients] = await Promise.all([
		queryReportGroups(db, period, 'all'),
		queryReportGroups(db, period, 'primary_condition'),
		queryReportGroups(db, period, 'primary_technique'),
		queryReportVolume(db, period),
		queryNewClients(db, period)
	]);
	return { total, conditions, techniques, volume, newClients };
}

async function periodKeys(db: Connector): Promise<string[]> {
	const { months } = await queryReportMonths(db);
	return [...months, ...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
}

/** The attack on every table of the report alone (a) and on all of them read together (b): both must find nothing. */
async function auditReport(db: Connector, period: string, k: number) {
	const report = await buildReport(db, { period, k });
	const truth = await reportTruth(db, period);
	if (!truth.total) return { alone: [], linked: [] };
	const publications = reportPublications(report, truth);
	return { alone: publications.flatMap(attack), linked: attack(together(`report ${period}`, publications)) };
}

describe('the report, attacked', () => {
	let demo: Connector;
	let practices: Connector[];
	beforeAll(async () => {
		demo = await openDemoDatabase();
		// A solo practice's year, a small group practice, and one the size of a busy clinic's quarter.
		practices = await Promise.all([openSubsampledDemo(150, 1), openSubsampledDemo(60, 2), openSubsampledDemo(400, 3)]);
	}, 60_000);
	afterAll(async () => {
		await demo.close();
		for (const db of practices) await db.close();
	});

	it('gives nothing back, table by table or linked, on the demo data for every period at k = 11', async () => {
		for (const period of await periodKeys(demo)) {
			const { alone, linked } = await auditReport(demo, period, 11);
			expect(alone, period).toEqual([]);
			expect(linked, period).toEqual([]);
		}
	}, 120_000);

	it('gives nothing back on random practices, periods and k', async () => {
		const choices = await Promise.all(practices.map(periodKeys));
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: practices.length - 1 }), fc.nat(), fc.integer({ min: 5, max: 25 }), async (which, pick, k) => {
				const keys = choices[which];
				const period = keys[pick % keys.length];
				const { alone, linked } = await auditReport(practices[which], period, k);
				expect(alone).toEqual([]);
				expect(linked).toEqual([]);
			}),
			{ numRuns: 40, seed: 20261207 }
		);
	}, 120_000);

	it('would catch the rule it replaced: a rate hidden by its own n only, worked out from the total', () => {
		const k = 11;
		const row = (group: string, clients: number, eligible: number, responders: number): ReportGroupRow => ({
			group, sessions: clients * 3, clients, withinClients: clients, withinMean: 1, withinSd: 1, withinSdPre: 1, withinSdPost: 1,
			courseClients: eligible, courseMean: 1, courseSd: 1, courseSdBaseline: 1, courseSdEnd: 1, responderEligible: eligible, courseResponders: responders
		});
		// Low back pain's responder rate rests on 4 responders: hidden by the primary rule.
		const rows = [row('neck_pain', 40, 40, 20), row('fibromyalgia', 30, 30, 15), row('chronic_low_back_pain', 25, 12, 4)];
		const total = rows.reduce((t, r) => ({
			...t, sessions: t.sessions + r.sessions, clients: t.clients + r.clients, withinClients: t.withinClients + r.withinClients,
			courseClients: t.courseClients + r.courseClients, responderEligible: t.responderEligible + r.responderEligible, courseResponders: t.courseResponders + r.courseResponders
		}), { ...row('all', 0, 0, 0) });
		const truth: ReportTruth = { total, conditions: rows, techniques: [], volume: [], newClients: 0 };
		const report = (conditions: ReportTable) => ({
			period: parsePeriod('2025-03'), k, empty: false, totals: reportOutcomes(total, k), newClients: null,
			previous: { period: parsePeriod('2025-02'), sessions: null, clients: null, sessionsChange: null, clientsChange: null },
			conditions, techniques: { rows: [], hidden: 0 }, volume: { unit: 'week' as const, bars: [], hidden: 0 }
		});
		const engine = reportTable(rows, k);
		expect(engine.rows.filter((r) => r.responders === null).map((r) => r.code)).toEqual(['fibromyalgia', 'chronic_low_back_pain']);
		expect(attack(reportPublications(report(engine), truth)[0])).toEqual([]);
		// The rule before: every rate that passes the primary rule is shown.
		const primaryOnly = { rows: rows.map((r) => ({ code: r.group, ...reportOutcomes(r, k) })), hidden: 0 };
		const findings = attack(reportPublications(report(primaryOnly), truth)[0]);
		expect(findings).toEqual([{ publication: 'report 2025-03 conditions', ids: ['conditions:chronic_low_back_pain.responders'], value: 4, restsOn: 4 }, expect.objectContaining({ ids: ['conditions:chronic_low_back_pain.nonResponders'], restsOn: 8 })]);
	});
});
