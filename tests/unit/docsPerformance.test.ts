import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generatedRegion, performanceRegion, readPerformanceResults, withRegion } from '../../scripts/docs/performance.js';

/**
 * docs/performance.md states no figure by hand: the part between its bench markers is what
 * scripts/docs/performance.js writes from bench/results/*.json. After a measurement, run `npm run docs:performance`.
 */
describe('docs/performance.md', () => {
	const doc = readFileSync('docs/performance.md', 'utf8');

	test('has one generated region, between its markers', () => {
		expect(doc.split('<!-- bench:start -->')).toHaveLength(2);
		expect(doc.split('<!-- bench:end -->')).toHaveLength(2);
		expect(generatedRegion(doc)).not.toBeNull();
	});

	test('states the figures bench/results/*.json hold (if not, run `npm run docs:performance`)', () => {
		expect(generatedRegion(doc)).toBe(performanceRegion(readPerformanceResults('bench/results')));
	});
});

describe('the generator', () => {
	const results = readPerformanceResults('bench/results');
	const region = performanceRegion(results);

	test('writes the same text from the same files', () => {
		expect(performanceRegion(readPerformanceResults('bench/results'))).toBe(region);
	});

	test('reads each file: the benchmark run its commit, date and machine, each reference, and the ratios of p95', () => {
		const { bench, startup, imports } = results;
		expect(bench && startup && imports).toBeTruthy();
		expect(region).toContain(`commit ${bench!.commit.slice(0, 7)}, ${bench!.date.slice(0, 10)}, ${bench!.machine}`);
		for (const run of bench!.results) {
			const rows = run.rows.toLocaleString('en-CA');
			// A size past what the tab is measured with has the server's figures only, and says why.
			if (run.filter) expect(region).toContain(`| ${rows} | ${run.filter.p50} / ${run.filter.p95} ms |`);
			else expect(region).toContain(`At ${rows} sessions the page was ${run.page}.`);
			const arquero = run.peers?.arquero;
			if (arquero) expect(region).toContain(`${arquero.p50} / ${arquero.p95} ms | ${(run.filter.p95 / arquero.p95).toFixed(2)}×`);
			const server = run.server;
			if (server) expect(region).toContain(`| ${rows} | ${(server.start_ms / 1000).toFixed(1)} s | ${(server.first_chart_ms / 1000).toFixed(1)} s |`);
		}
		expect(region).toContain(`${(startup!.median.first_chart_ms / 1000).toFixed(1)} s`);
		for (const run of imports!.results) expect(region).toContain(`**${(run.until_dashboard_ms / 1000).toFixed(1)} s**`);
	});

	test('says what is missing when a measurement file is not there', () => {
		const empty = performanceRegion({ startup: null, imports: null, bench: null });
		expect(empty).toContain('Run `npm run build && npm run measure:startup`');
		expect(empty).toContain('Run `npm run build && npm run measure:import`');
		expect(empty).toContain('Run `npm run build && npm run bench`');
	});

	test('replaces only the region', () => {
		const before = 'intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\noutro\n';
		expect(withRegion(before, '\nnew\n')).toBe('intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\noutro\n');
		expect(() => withRegion('no markers', 'x')).toThrow(/bench:start/);
	});
});
