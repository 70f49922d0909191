export { trendChartSpec, monthDate, type TrendChartOptions } from './trendChart';
export { techniqueLegend, type LegendEntry } from './techniqueLegend';
export { colouredTechniques, trendLegend } from './trendLegend';
export { techniqueColor } from './techniqueColors';
export { trendTable, type TrendTable, type TrendCell } from './trendTable';
export { conditionBarChartSpec, type ConditionBar, type ConditionBarChartOptions } from './conditionBarChart';
