export { parsePeriod, previousPeriod, periodMonths, periodLabel, periodChoices, quarterOf, type Period, type PeriodChoices } from './period';
export { queryReportGroups, queryReportMonths, queryNewClients, queryReportVolume, type ReportGroupRow, type ReportGrouping, type ReportVolumeRow } from './reportQueries';
export { buildReport, reportOutcomes, reportTable, type ClinicReport, type ReportOptions, type ReportGroup, type ReportTable, type ReportOutcomes, type ReportBar, type PeriodComparison } from './reportModel';
export { formatMeanInterval, formatRate, formatChange, hiddenGroupsNote } from './reportText';
export { volumeChartSpec, barLabel, type VolumeChartOptions } from './reportChart';
