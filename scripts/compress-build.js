// Writes .br and .gz siblings of the built app's text and wasm files so scripts/serve.js can send them compressed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.wasm', '.txt']);

function* files(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else yield path;
	}
}

let before = 0;
let after = 0;
for (const file of files(process.argv[2] ?? 'build')) {
	if (!COMPRESSIBLE.has(extname(file))) continue;
	const raw = readFileSync(file);
	if (raw.length < 1024) continue;
	const br = brotliCompressSync(raw, {
		params: { [constants.BROTLI_PARAM_QUALITY]: raw.length > 4_000_000 ? 6 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length }
	});
	writeFileSync(`${file}.br`, br);
	writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
	before += raw.length;
	after += br.length;
}
console.log(`compressed build: ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB (brotli)`);
