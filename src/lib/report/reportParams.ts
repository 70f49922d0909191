import { choiceParam, type ViewParams } from '$lib/url/viewParams';
import type { PeriodChoices } from './period';

/** What the report page's URL holds: the period reported on, a month (`2026-03`) or a quarter (`2026-Q1`). */
export interface ReportView {
	period: string;
}

export function reportParams(periods: () => PeriodChoices | null): ViewParams<ReportView> {
	return {
		period: choiceParam({
			name: 'period',
			label: 'Period',
			values: () => [...(periods()?.months ?? []), ...(periods()?.quarters ?? [])],
			fallback: () => periods()?.defaultKey ?? ''
		})
	};
}
