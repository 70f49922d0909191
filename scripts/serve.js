// Serves the built static app on localhost. Nothing here sees user data: the app reads and analyses data inside the
// browser tab. (To serve the app with a database behind it, see `npm run serve:db` in docs/scale.md.)
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { isBuiltApp, serveStaticFile } from '../src/server/staticApp.js';

const root = resolve(process.argv.includes('--dir') ? process.argv[process.argv.indexOf('--dir') + 1] : 'build');
const port = Number(process.env.PORT ?? (process.argv.includes('--port') ? process.argv[process.argv.indexOf('--port') + 1] : 4173));
const host = process.env.HOST ?? '127.0.0.1';

if (!isBuiltApp(root)) {
	console.error(`No built app in ${root}: run "npm run build" first.`);
	process.exit(1);
}

const server = createServer((req, res) => serveStaticFile(root, req, res));

server.listen(port, host, () => {
	console.log(`Massage Outcomes dashboard: http://localhost:${port}/`);
});
