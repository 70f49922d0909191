import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rscript } from '../../support/rscript';

const folder = mkdtempSync(join(tmpdir(), 'reproduce-demo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const docs = () => readFileSync('docs/statistics.md', 'utf8').replace(/\s+/g, ' ');
const lines = (name: string) => readFileSync(join(folder, name), 'utf8').trim().split('\r\n');
const demoR = (args: string[] = []) => rscript([join(process.cwd(), 'scripts/reproduce/demo.R'), folder, join(process.cwd(), 'data'), ...args], folder);

describe('npm run reproduce: the analysis pages on the demo data, the app against base R', () => {
	let output = '';
	let status: number | null = null;
	beforeAll(() => {
		const run = spawnSync('npx', ['tsx', 'scripts/reproduce/run.ts', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		output = `${run.stdout}${run.stderr}`;
		status = run.status;
		expect(output, 'Rscript is needed: apt-get install r-base-core').not.toContain('Rscript could not be run');
	}, 240_000);

	it('every figure of the techniques page agrees, for every condition as recorded and all pooled, outcome and course end', () => {
		const figures = lines('results.csv').length - 1;
		const recorded = new Set(gunzipSync(readFileSync('data/clients.csv.gz')).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(',')[3].trim()));
		expect(new Set(lines('results.csv').slice(1).map((l) => l.split(',')[1]))).toEqual(new Set([...recorded, '(pooled)']));
		expect(output).toContain(`${figures} figures compared (k = 11); ${figures} agree`);
		expect(docs()).toContain(`On the demo data ${figures.toLocaleString('en-US')} figures of the techniques page`);
	});

	it('every figure the conditions, range-of-motion and therapists pages show agrees', () => {
		const figures = lines('pages.csv').length - 1;
		const tables = new Set(lines('pages.csv').slice(1).map((l) => l.split(',')[0]));
		expect(tables).toEqual(new Set(['curve', 'attendance', 'dose', 'rom', 'therapists']));
		expect(output).toContain(`${figures} of them shown on the dashboard.\n${figures} figures compared (k = 11); ${figures} agree`);
		expect(docs()).toContain(`and ${figures.toLocaleString('en-US')} figures of the conditions, range-of-motion and therapists pages agree`);
		expect(status, output).toBe(0);
	});

	it('fails when a page figure is changed, or is one R does not find', () => {
		const original = readFileSync(join(folder, 'pages.csv'), 'utf8');
		const rows = original.split('\r\n');
		const at = rows.findIndex((l) => l.startsWith('therapists,(all),pain,last_pre,') && l.includes(',observed_minus_expected_mean,'));
		expect(at).toBeGreaterThan(0);
		rows[at] = rows[at].replace(/,[^,]*$/, ',0.123');
		rows.splice(1, 0, 'rom,(all),rom,last_pre,made_up_movement,clients,12');
		writeFileSync(join(folder, 'pages.csv'), rows.join('\r\n'));
		try {
			const run = demoR();
			expect(run.status).toBe(1);
			expect(run.output).toMatch(/therapists\s+\(all\)\s+pain\s+last_pre\s+\S+\s+observed_minus_expected_mean/);
			expect(run.output).toContain('2 differ or are missing');
		} finally {
			writeFileSync(join(folder, 'pages.csv'), original);
		}
	}, 180_000);
});
