export { trendChartSpec, monthDate, type TrendChartOptions } from './trendChart';
export { trendTable, type TrendTable, type TrendCell } from './trendTable';
