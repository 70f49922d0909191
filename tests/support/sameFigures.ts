import { expect } from 'vitest';

/**
 * Two page models with the same figures: numbers equal to 12 significant digits (native DuckDB and duckdb-wasm may
 * add in another order, and native DuckDB's threads in another order each time), whole numbers and everything else
 * exactly, key by key.
 */
export function expectSameFigures(actual: unknown, expected: unknown, path = 'result'): void {
	// Counts are whole on both sides and must be equal; a mean may be whole on one side only (4 and 4.000000000000001).
	if (typeof expected === 'number' && typeof actual === 'number' && !(Number.isInteger(expected) && Number.isInteger(actual))) {
		expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
		return;
	}
	if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
		expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
		for (const key of Object.keys(expected)) {
			expectSameFigures((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
		}
		return;
	}
	expect(actual, path).toEqual(expected);
}
