/**
 * The select list of a cell's sums (`CellSums`) over the courses grouped: their count and the sums of courseRowsSql's
 * x (baseline) and y (end of course), both signed so higher is better. The input of a baseline-adjusted comparison.
 */
export const CELL_SUMS_SQL = `CAST(count(*) AS INTEGER) AS n,
	sum(x) AS sumX, sum(x * x) AS sumXX, sum(y) AS sumY, sum(x * y) AS sumXY, sum(y * y) AS sumYY`;
