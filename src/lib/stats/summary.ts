/** What SQL returns for a group: n, mean and sample SD (n - 1 denominator). */
export interface Summary {
	/** Number of values (clients). */
	n: number;
	/** Arithmetic mean; NaN when n = 0. */
	mean: number;
	/** Sample standard deviation with the n - 1 denominator; NaN when n < 2. */
	sd: number;
}

/** n, mean and sample SD of the values, as DuckDB's count, avg and stddev_samp would give. */
export function summarize(values: readonly number[]): Summary {
	const n = values.length;
	const mean = n > 0 ? values.reduce((sum, v) => sum + v, 0) / n : NaN;
	// Two passes: the sum of squared deviations does not cancel the way Σv² - n·mean² does.
	const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
	return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : NaN };
}
