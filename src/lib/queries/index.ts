export { filterWhere, NO_FILTER, type OutcomeFilter, type SqlFragment } from '$lib/measures';
export { MEASURES, TIMEPOINT_LABELS, measureExpression, type Measure, type Timepoint } from '$lib/measures';
export { ALL_TECHNIQUES, type Trend, type TrendRow } from './trend';
export { queryOverviewScan, queryTrends, type OverviewScan, type SessionKpis } from './overviewScan';
export { queryCourseKpis, queryKpis, type CourseKpis, type KpiRow } from './kpis';
export { queryFilterOptions, type FilterOption, type FilterOptions } from './filterOptions';
export { queryConditionClients, type ConditionClientsRow } from './conditionClients';
