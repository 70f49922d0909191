import { fingerprint, openShownDatabase } from './shownDatabase';
import type { FuzzCase, FuzzScale } from './fuzzCase';
import { hostileUpload } from './families';
import { reusedDatabases } from './importDatabases';
import { importOutcome } from './importOutcome';

/**
 * A child process that imports hostile files one after another, as the parent sends them, in a private database
 * (reused while unlocked, see importDatabases.ts) beside a database showing the demo data; after each file it says whether that database still holds exactly what it held.
 * Anything that escapes (an uncaught exception, an unhandled rejection) is reported as a crash before it dies.
 */

export interface WorkerRequest {
	fuzzCase: FuzzCase;
	scale: FuzzScale;
}

const send = (message: object) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

async function dieOf(kind: string, error: unknown): Promise<void> {
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	await send({ type: 'crash', message: `${kind}: ${message}`.slice(0, 600) }).catch(() => undefined);
	process.exit(1);
}

process.on('uncaughtException', (error) => void dieOf('uncaught exception', error));
process.on('unhandledRejection', (reason) => void dieOf('unhandled rejection', reason));

const shown = await openShownDatabase();
const databases = reusedDatabases();
const before = JSON.stringify(await fingerprint(shown));

process.on('message', async ({ fuzzCase, scale }: WorkerRequest) => {
	const upload = await hostileUpload(fuzzCase, scale);
	const outcome = await importOutcome(upload.files, databases);
	const shownIntact = JSON.stringify(await fingerprint(shown)) === before;
	const files = upload.files.map((f) => ({ name: f.name, bytes: f.bytes.length }));
	await send({ type: 'result', note: upload.note, files, outcome, shownIntact });
});

await send({ type: 'ready', shown: JSON.parse(before) });
