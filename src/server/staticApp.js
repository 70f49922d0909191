// The built static app, served from a folder: files are sent compressed where a .br or .gz sibling was written by
// scripts/compress-build.js (the 34 MB DuckDB wasm goes out as 6.1 MB with brotli). Used by scripts/serve.js (the app
// alone) and by the query server (src/server/main.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

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

/**
 * Whether a folder holds a built app.
 * @param {string} root
 */
export function isBuiltApp(root) {
	return existsSync(join(root, 'index.html'));
}

/**
 * The file a URL path names inside the folder, or null: never a file outside it.
 * @param {string} root
 * @param {string} urlPath
 */
function resolveFile(root, urlPath) {
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

/**
 * Answers a GET or HEAD request with the app's file at its path (404 if there is none).
 * @param {string} root an absolute folder
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function serveStaticFile(root, req, res) {
	const file = resolveFile(root, req.url ?? '/');
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found');
		return;
	}
	/** @type {Record<string, string | number>} */
	const headers = {
		'content-type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
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
}
