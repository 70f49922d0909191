import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { exportRows, exportedResults, researcherBundle, type ExportData, type ResultFigure } from '$lib/export';
import { NO_FILTER } from '$lib/queries';
import { openDemoDatabase } from '../../support/demoDataset';
import { openSubsampledDemo } from '../../support/subsampledDemo';
import { parseCsv } from '../../support/parseCsv';
import { rscript } from '../../support/rscript';

/** The bundle's files written to a new folder. */
function unpack(bundle: Uint8Array): string {
	const folder = mkdtempSync(join(tmpdir(), 'bundle-'));
	for (const [name, content] of Object.entries(unzipSync(bundle))) writeFileSync(join(folder, name), content);
	return folder;
}

const folders: string[] = [];
function bundleFolder(data: ExportData, results: ResultFigure[]): string {
	const folder = unpack(researcherBundle(data, results, { bom: false }));
	folders.push(folder);
	return folder;
}

afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the researcher bundle reproduces itself in base R', { timeout: 120_000 }, () => {
	let db: Connector;
	let data: ExportData;
	let results: ResultFigure[];
	let folder: string;

	beforeAll(async () => {
		db = await openDemoDatabase();
		data = await exportRows(db, NO_FILTER, 11);
		results = await exportedResults(openNodeConnector, data);
		folder = bundleFolder(data, results);
	}, 180_000);
	afterAll(() => db?.close());

	it('results.csv holds every table, condition, outcome and course end of the exported rows', () => {
		const { headers, rows } = parseCsv(readFileSync(join(folder, 'results.csv'), 'utf8'));
		expect(headers).toEqual(['table', 'condition', 'outcome', 'course_end', 'technique', 'statistic', 'value']);
		expect(rows.length).toBe(results.length);
		// The demo export at k = 11 recodes conditions to their groups: six groups and the pooled selection.
		expect(new Set(rows.map((r) => r[1]))).toEqual(
			new Set(['musculoskeletal_pain', 'injury_recovery', 'headache', 'mental_health_sleep', 'pregnancy', 'systemic_other', '(pooled)'])
		);
		expect(new Set(rows.map((r) => `${r[0]} ${r[2]} ${r[3] ?? ''}`))).toEqual(
			new Set(['course pain last_pre', 'course pain last_post', 'within pain ', 'course stress last_pre', 'course stress last_post', 'within stress ', 'course sleep last_pre', 'course sleep last_post', 'within sleep '])
		);
		const statistics = new Set(rows.map((r) => r[5]));
		// Every statistic is described in dictionary.csv.
		const dictionary = parseCsv(readFileSync(join(folder, 'dictionary.csv'), 'utf8')).rows;
		const described = new Set(dictionary.filter((r) => r[0] === 'results statistic').map((r) => r[1]));
		expect([...statistics].filter((s) => !described.has(s))).toEqual([]);
		for (const s of ['n', 'mean_change', 'ci_lower', 'd_z', 'd_av', 'responders', 'responders_lower', 'share_responders', 'reliable_upper', 'reference', 'adjusted_difference', 'adjusted_upper', 'adjusted_p_holm', 'sessions']) {
			expect(statistics, s).toContain(s);
		}
	});

	it('the figures are those the techniques page would show for the exported rows: pooled pain courses of Swedish massage', () => {
		const figure = (statistic: string) =>
			results.find((r) => r.table === 'course' && r.condition === '(pooled)' && r.outcome === 'pain' && r.courseEnd === 'last_pre' && r.technique === 'swedish' && r.statistic === statistic)?.value;
		const swedishClients = new Set(data.rows.filter((r) => r[data.columns.findIndex((c) => c.name === 'session_number')] === 1 && r[4] === 'swedish').map((r) => r[1]));
		expect(figure('n')).toBeGreaterThan(100);
		expect(figure('n')).toBeLessThanOrEqual(swedishClients.size);
		expect(figure('reference')).toBe(1);
		expect(figure('mean_change')).toBeGreaterThan(0);
	});

	it('Rscript reproduce.R recomputes every figure and exits 0', () => {
		const run = rscript(['reproduce.R', '--quiet'], folder);
		expect(run.output).toContain(`${results.length} figures compared (k = 11); ${results.length} agree`);
		expect(run.status, run.output).toBe(0);
		expect(readFileSync('docs/statistics.md', 'utf8').replace(/\s+/g, ' ')).toContain(`demo's bundle at k = 11 holds ${results.length.toLocaleString('en-US')}.`);
	});

	it('exits 1 and names the figure when a figure of results.csv is changed by hand', () => {
		const tampered = unpack(researcherBundle(data, results, { bom: false }));
		folders.push(tampered);
		const path = join(tampered, 'results.csv');
		const lines = readFileSync(path, 'utf8').split('\r\n');
		const at = lines.findIndex((l) => l.startsWith('course,(pooled),pain,last_pre,deep_tissue,mean_change,'));
		expect(at).toBeGreaterThan(0);
		const value = Number(lines[at].split(',').at(-1));
		lines[at] = lines[at].replace(/,[^,]*$/, `,${(value + 0.01).toFixed(6)}`);
		writeFileSync(path, lines.join('\r\n'));
		const run = rscript(['reproduce.R', '--quiet'], tampered);
		expect(run.status).toBe(1);
		expect(run.output).toMatch(/course\s+\(pooled\)\s+pain\s+last_pre\s+deep_tissue\s+mean_change/);
		expect(run.output).toContain('1 differ or are missing');
	});

	it('exits 1 when results.csv leaves out a figure R finds, or holds one R does not', () => {
		const edited = unpack(researcherBundle(data, results, { bom: false }));
		folders.push(edited);
		const path = join(edited, 'results.csv');
		const lines = readFileSync(path, 'utf8').split('\r\n');
		const at = lines.findIndex((l) => l.startsWith('within,(pooled),sleep,,swedish,d_av,'));
		expect(at).toBeGreaterThan(0);
		lines.splice(at, 1);
		lines.splice(1, 0, 'course,(pooled),pain,last_pre,made_up,n,99');
		writeFileSync(path, lines.join('\r\n'));
		const run = rscript(['reproduce.R', '--quiet'], edited);
		expect(run.status).toBe(1);
		expect(run.output).toContain('2 differ or are missing');
	});
});

describe('on other data: a practice of 400 clients with the clinic exported, and an Excel byte-order mark', { timeout: 180_000 }, () => {
	it('Rscript reproduce.R exits 0', async () => {
		const db = await openSubsampledDemo(400, 7);
		try {
			const data = await exportRows(db, NO_FILTER, 5, { includeClinic: true });
			const results = await exportedResults(openNodeConnector, data);
			expect(results.length).toBeGreaterThan(50);
			const folder = unpack(researcherBundle(data, results, { bom: true }));
			folders.push(folder);
			const run = rscript(['reproduce.R', 'data.csv', 'results.csv', '--quiet'], folder);
			expect(run.status, run.output).toBe(0);
		} finally {
			await db.close();
		}
	});
});
