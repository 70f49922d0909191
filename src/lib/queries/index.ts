export { filterWhere, NO_FILTER, type OutcomeFilter, type SqlFragment } from '$lib/measures';
export { MEASURES, TIMEPOINT_LABELS, measureExpression, type Measure, type Timepoint } from '$lib/measures';
export { ALL_TECHNIQUES, FINEST_GRAIN, OTHER_TECHNIQUES, type Trend, type TrendGrain, type TrendRow, type TrendStep } from './trend';
export { queryOverviewScan, queryTrends, type OverviewScan, type SessionKpis } from './overviewScan';
export { queryCourseFigures, queryCourseImprovement, type CourseImprovement } from './courseImprovement';
export { byClients, type GroupChange } from './groupChange';
export { queryCourseKpis, queryKpis, type CourseKpis, type KpiRow } from './kpis';
export { queryFilterOptions, type FilterOption, type FilterOptions } from './filterOptions';
export { queryConditionClients, type ConditionClientsRow } from './conditionClients';
