import { AnalysisPage } from '$lib/analysis/analysisPage.svelte';
import type { Connector } from '$lib/db';
import { periodChoices, type PeriodChoices } from './period';
import { buildReport, type ClinicReport, type ReportOptions } from './reportModel';
import { queryReportMonths } from './reportQueries';

/** The report page's data: the periods the data cover, and the report for the one chosen. */
export class ReportPage extends AnalysisPage<ReportOptions, ClinicReport> {
	periods = $state<PeriodChoices | null>(null);

	constructor() {
		super(buildReport);
	}

	protected override async prepare(db: Connector): Promise<void> {
		const { months, lastDate } = await queryReportMonths(db);
		this.periods = periodChoices(months, lastDate);
	}
}
