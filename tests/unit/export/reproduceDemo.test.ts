import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'reproduce-demo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run reproduce: the techniques tables on the demo data, the app against base R', () => {
	it('every figure of every condition, outcome and course end agrees', () => {
		const run = spawnSync('npx', ['tsx', 'scripts/reproduce/run.ts', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		const output = `${run.stdout}${run.stderr}`;
		expect(output, 'Rscript is needed: apt-get install r-base-core').not.toContain('Rscript could not be run');
		const figures = readFileSync(join(folder, 'results.csv'), 'utf8').trim().split('\r\n').length - 1;
		// Every condition of the demo data as recorded, and all pooled.
		const recorded = new Set(gunzipSync(readFileSync('data/clients.csv.gz')).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(',')[3].trim()));
		const conditions = new Set(readFileSync(join(folder, 'results.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[1]));
		expect(conditions).toEqual(new Set([...recorded, '(pooled)']));
		expect(output).toContain(`${figures} figures compared (k = 11); ${figures} agree`);
		expect(run.status, output).toBe(0);
		expect(readFileSync('docs/statistics.md', 'utf8')).toContain(`on the demo data ${figures.toLocaleString('en-US')} figures`);
	});
});
