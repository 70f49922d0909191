/**
 * Writes the demo data set to data/*.csv.gz.
 * Run: npx tsx scripts/demo-data/generate.ts [--seed 15] [--clients 1900] [--out data]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDataToCsv, type DemoTable } from './csv';
import { DEFAULT_DEMO_DATA_OPTIONS, generateDemoData } from './generateDemoData';
import { gzipReproducible } from './gzip';

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isInteger(value)) throw new Error(`invalid --${name}: ${text} (a whole number is needed)`);
	return value;
}

const { values } = parseArgs({
	options: { seed: { type: 'string' }, clients: { type: 'string' }, out: { type: 'string', default: 'data' } }
});
const options = {
	seed: wholeNumber('seed', values.seed, DEFAULT_DEMO_DATA_OPTIONS.seed),
	clients: wholeNumber('clients', values.clients, DEFAULT_DEMO_DATA_OPTIONS.clients)
};

const data = generateDemoData(options);
const csv = demoDataToCsv(data);
mkdirSync(values.out, { recursive: true });
let total = 0;
for (const table of Object.keys(csv) as DemoTable[]) {
	const path = join(values.out, `${table}.csv.gz`);
	const gz = gzipReproducible(csv[table]);
	writeFileSync(path, gz);
	total += gz.length;
	console.log(`${path}: ${data[table].length} rows, ${Buffer.byteLength(csv[table])} bytes CSV, ${gz.length} bytes gzipped`);
}
console.log(`seed ${options.seed}, ${options.clients} clients, ${total} bytes in all`);
