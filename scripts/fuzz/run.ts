import { parseArgs } from 'node:util';
import type { FuzzScale } from './fuzzCase';
import { fuzzCases, hostileUpload } from './families';
import { isFailure, summarise, writeReport } from './fuzzReport';
import { runCases } from './workerPool';

/**
 * `npm run fuzz`: every hostile file of the full run through the import, in two worker processes; writes
 * fuzz/results/latest.json and latest.md and fails when any file crashed, hung, got an unclear error or changed
 * the shown data. `-- --only json` runs one family, `--only json:4` one file.
 */
const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: 'full' },
		seed: { type: 'string', default: '20250611' },
		workers: { type: 'string', default: '2' },
		timeout: { type: 'string', default: '60' },
		only: { type: 'string' },
		out: { type: 'string', default: 'fuzz/results/latest' }
	}
});
const scale = values.scale as FuzzScale;
const seed = Number(values.seed);
const timeoutSeconds = Number(values.timeout);
const [family, index] = values.only?.split(':') ?? [];
const cases = fuzzCases(scale, seed).filter((c) => (!family || c.family === family) && (index === undefined || c.index === Number(index)));

console.log(`Fuzzing the importers: ${cases.length} files (${scale}, seed ${seed}), ${values.workers} workers, ${timeoutSeconds} s per file`);
const started = performance.now();
const results = await runCases(cases, {
	scale,
	workers: Number(values.workers),
	timeoutMs: timeoutSeconds * 1000,
	onResult(r, done) {
		const flag = isFailure(r) ? `  <-- ${r.outcome.kind}: ${(r.outcome.message ?? '').slice(0, 160)}` : '';
		if (flag || done % 25 === 0 || done === cases.length) {
			const elapsed = Math.round((performance.now() - started) / 1000);
			console.log(`[${done}/${cases.length}, ${elapsed} s] ${r.family} #${r.index} ${r.outcome.kind} ${r.outcome.ms} ms${flag}`);
		}
	}
});
// A worker that hung or died said nothing of its file: make it again here to say what it was.
for (const r of results.filter((r) => r.note === '')) {
	const upload = await hostileUpload(r, scale);
	Object.assign(r, { note: upload.note, files: upload.files.map((f) => ({ name: f.name, bytes: f.bytes.length })) });
}
const summary = summarise(results, { scale, seed, seconds: Math.round((performance.now() - started) / 1000), timeoutSeconds });
if (!values.only) writeReport(values.out!, summary, results);
console.log(JSON.stringify({ files: summary.files, outcomes: summary.outcomes, shownChanged: summary.shownChanged, seconds: summary.seconds }));
process.exit(results.some(isFailure) ? 1 : 0);
