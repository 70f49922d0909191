export { trendChartSpec, trendLegend, monthDate, type TrendChartOptions, type LegendEntry } from './trendChart';
export { techniqueColor } from './techniqueColors';
export { trendTable, type TrendTable, type TrendCell } from './trendTable';
