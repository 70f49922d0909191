/**
 * The dashboard's analysis tables on the bundled demo data, checked against base R: computes every figure with the
 * app's own code at k = 11 (the techniques page's with researchResults, into results.csv beside the researcher
 * bundle's reproduce.R; the conditions, range-of-motion and therapists pages' with pageFigures, into pages.csv),
 * for every condition and all together, every outcome and course end, and runs scripts/reproduce/demo.R, which reads
 * the demo's CSV files itself and recomputes each figure in R.
 *
 * Usage: npm run reproduce [-- FOLDER]. Exits with R's status: 0 when every figure agrees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, type DatasetFiles } from '$lib/db';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { DEFAULT_K } from '$lib/disclosure';
import { researchResults, resultsCsv } from '$lib/export/researchResults';
import { reproduceScript } from '$lib/export/reproduceScript';
import { pageConstants } from './pageConstants';
import { pageFigures, pageFiguresCsv } from './pageFigures';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const folder = resolve(process.argv[2] ?? join(tmpdir(), 'massage-outcomes-reproduce'));
mkdirSync(folder, { recursive: true });

const read = (name: string) => new Uint8Array(readFileSync(join(root, 'data', `${name}.csv.gz`)));
const files: DatasetFiles = { clients: read('clients'), therapists: read('therapists'), sessions: read('sessions'), measurements: read('measurements') };
const db = await openNodeConnector();
await loadDataset(db, files);
const results = await researchResults(db, DEFAULT_K);
const pages = await pageFigures(db, DEFAULT_K);
await db.close();

writeFileSync(join(folder, 'results.csv'), resultsCsv(results));
writeFileSync(join(folder, 'reproduce.R'), reproduceScript(readFileSync(join(root, 'src/lib/export/reproduce.R'), 'utf8'), DEFAULT_K));
writeFileSync(join(folder, 'pages.csv'), pageFiguresCsv(pages));
writeFileSync(join(folder, 'pages-constants.R'), pageConstants());
console.log(
	`The dashboard's queries on the demo data at k = ${DEFAULT_K}: ${results.length} figures of the techniques page (${join(folder, 'results.csv')}), ` +
		`${pages.length} of the conditions, range-of-motion and therapists pages (${join(folder, 'pages.csv')}).`
);

const run = spawnSync('Rscript', [join(root, 'scripts/reproduce/demo.R'), folder, join(root, 'data')], { stdio: 'inherit', cwd: root });
if (run.error) {
	console.error(`Rscript could not be run (${run.error.message}): install R (Debian: apt-get install r-base-core).`);
	process.exit(2);
}
process.exit(run.status ?? 1);
