import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, test } from 'vitest';
import { fuzzCases } from '../../../scripts/fuzz/families';
import { PAYLOAD_ROWS, PAYLOADS } from '../../../scripts/fuzz/families/payloads';
import { FAMILIES } from '../../../scripts/fuzz/families';
import { isFailure, summarise } from '../../../scripts/fuzz/fuzzReport';
import { runCases, type FuzzResult } from '../../../scripts/fuzz/workerPool';

/** The fixed, seeded subset of `npm run fuzz`: every family, small sizes, through the same worker processes. */
const SEED = 20250611;
const cases = fuzzCases('subset', SEED);
let results: FuzzResult[] = [];

/** Child processes for the cases: the cores minus the one Vitest's other test files use, at least one. */
const CHILDREN = Math.max(1, availableParallelism() - 1);

beforeAll(async () => {
	// A case that runs past 60 s is reported as a hang; the whole subset may take longer on a busy machine.
	results = await runCases(cases, { scale: 'subset', workers: CHILDREN, timeoutMs: 60_000 });
}, 15 * 60_000);

const of = (family: string, note?: RegExp) => results.filter((r) => r.family === family && (!note || note.test(r.note)));

test('every family is in the subset, with at least 60 files in all', () => {
	expect(cases.length).toBeGreaterThanOrEqual(60);
	expect(new Set(cases.map((c) => c.family))).toEqual(new Set(FAMILIES.map((f) => f.name)));
});

test('no file crashes, hangs, gets an unclear error or changes the data on show', () => {
	const failures = results.filter(isFailure).map((r) => `${r.family} #${r.index} (${r.note}): ${r.outcome.kind} ${r.outcome.message}`);
	expect(failures).toEqual([]);
	const summary = summarise(results, { scale: 'subset', seed: SEED, seconds: 0, timeoutSeconds: 60 });
	expect(summary.files).toBe(cases.length);
	expect(summary.outcomes.crash + summary.outcomes.hang + summary.outcomes['unclear-error']).toBe(0);
	expect(summary.shownChanged).toBe(0);
});

describe('known answers', () => {
	test('formulas and HTML in the notes: every row imports, the payload read verbatim', () => {
		for (const r of of('payloads', /every note/)) {
			expect(r.outcome.kind).toBe('imported');
			expect(r.outcome.counts).toMatchObject({ rowsRead: PAYLOAD_ROWS, accepted: PAYLOAD_ROWS, rejected: 0 });
			expect(PAYLOADS).toContain(r.outcome.firstRow?.Notes?.trim());
		}
	});

	test('formulas and HTML in every text field: every row refused, each payload reported as written', () => {
		for (const r of of('payloads', /every text field/)) {
			expect(r.outcome.kind).toBe('clear-error');
			expect(r.outcome.counts).toMatchObject({ rowsRead: PAYLOAD_ROWS, accepted: 0, rejected: PAYLOAD_ROWS });
			const first = r.outcome.problems![0];
			expect(first).toMatchObject({ row: 2, column: 'Client' });
			expect(PAYLOADS.map((p) => p.trim())).toContain(first.value);
			expect(r.outcome.firstRow?.Client).toBe(first.value);
		}
	});

	test('an empty file says it is empty, naming the file', () => {
		const [r] = of('empty', /^empty$/);
		expect(r.outcome).toMatchObject({ kind: 'clear-error', stage: 'read', message: 'empty.csv: the file is empty. Export the data again.' });
	});

	test('a truncated Parquet file is refused by name', () => {
		const parquet = of('truncated').filter((r) => r.files[0].name.endsWith('.parquet'));
		expect(parquet.length).toBeGreaterThan(0);
		for (const r of parquet) {
			expect(r.outcome.kind).toBe('clear-error');
			expect(r.outcome.message).toMatch(new RegExp(`^${r.files[0].name.replace('.', '\\.')}: .*Parquet`));
		}
	});

	test('10,000 columns are refused with the number and what to export', () => {
		const [r] = of('wide');
		expect(r.outcome.message).toMatch(/^wide\.csv: the file has 10,000 columns, more than the 2,000 the import reads\. Export only/);
	});

	test('JSON nested 100,000 deep is refused, not a stack overflow', () => {
		for (const r of of('json', /deep/)) {
			expect(r.outcome.kind).toBe('clear-error');
			expect(r.outcome.message).toMatch(/^deep\.n?d?json: /);
		}
	});

	test('a CSV in UTF-16 with a byte order mark imports every row', () => {
		const [r] = of('encodings', /^UTF-16 LE with BOM$/);
		expect(r.outcome.kind).toBe('imported');
		expect(r.outcome.counts!.rejected).toBe(0);
	});
});
