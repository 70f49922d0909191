import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import type { ExportData } from '$lib/export';
import { loadOverview } from '$lib/overview/overview';
import { NO_FILTER, queryFilterOptions } from '$lib/queries';
import { queryReportMonths } from '$lib/report/reportQueries';
import { demoResearcherExport, openResearcherExportDatabase } from '../../../support/researcherExportDataset';

/** What the pages read from the demo data's researcher export once imported: no months, no therapists, recoded groups. */
describe('the pages’ queries on an imported researcher export', () => {
	let data: ExportData;
	let db: Connector;
	beforeAll(async () => {
		data = await demoResearcherExport();
		db = await openResearcherExportDatabase(data);
	}, 180_000);
	afterAll(() => db?.close());

	const column = (name: string) => data.rows.map((r) => r[data.columns.findIndex((c) => c.name === name)]);

	it('offers no months, therapists or clinics to filter by, and the condition groups the file holds', async () => {
		const options = await queryFilterOptions(db);
		expect(options).toMatchObject({ firstMonth: null, lastMonth: null, therapists: [], clinics: [] });
		expect(new Set(options.conditions.map((c) => c.value))).toEqual(new Set(column('condition')));
	});

	it('the overview counts every session and client of the file, and draws no monthly trend', async () => {
		const overview = await loadOverview(db, NO_FILTER, 'pre', 11);
		expect(overview.kpis.sessions).toBe(new Set(column('session_id')).size);
		expect(overview.kpis.clients).toBe(new Set(column('client_id')).size);
		expect(overview.trends.every((t) => t.rows.length === 0)).toBe(true);
		expect(overview.conditions.reduce((sum, c) => sum + (c.clients ?? 0), 0)).toBe(overview.kpis.clients);
	});

	it('the report has no month or quarter to offer', async () => {
		expect(await queryReportMonths(db)).toEqual({ months: [], lastDate: null });
	});
});
