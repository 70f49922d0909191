// Serves the built static app on localhost. Files are sent compressed where a .br or .gz sibling was written by
// scripts/compress-build.js (the 34 MB DuckDB wasm goes out as 6.1 MB with brotli). Nothing here sees user data: the app
// reads and analyses data inside the browser tab.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv.includes('--dir') ? process.argv[process.argv.indexOf('--dir') + 1] : 'build');
const port = Number(process.env.PORT ?? (process.argv.includes('--port') ? process.argv[process.argv.indexOf('--port') + 1] : 4173));
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.gz': 'application/gzip',
	'.txt': 'text/plain; charset=utf-8'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error(`No built app in ${root}: run "npm run build" first.`);
	process.exit(1);
}

function resolveFile(urlPath) {
	let decoded;
	try {
		decoded = decodeURIComponent(urlPath.split('?')[0]);
	} catch {
		return null;
	}
	const path = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, path);
	if (!file.startsWith(root)) return null;
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
	return existsSync(file) && statSync(file).isFile() ? file : null;
}

const server = createServer((req, res) => {
	const file = resolveFile(req.url ?? '/');
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found');
		return;
	}
	const headers = {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': file.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
		'x-content-type-options': 'nosniff',
		vary: 'accept-encoding'
	};
	const accepts = String(req.headers['accept-encoding'] ?? '');
	let body;
	if (accepts.includes('br') && existsSync(`${file}.br`)) {
		body = readFileSync(`${file}.br`);
		headers['content-encoding'] = 'br';
	} else if (accepts.includes('gzip') && existsSync(`${file}.gz`) && extname(file) !== '.gz') {
		body = readFileSync(`${file}.gz`);
		headers['content-encoding'] = 'gzip';
	} else {
		body = readFileSync(file);
	}
	headers['content-length'] = body.length;
	res.writeHead(200, headers);
	res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
	console.log(`Massage Outcomes dashboard: http://localhost:${port}/`);
});
