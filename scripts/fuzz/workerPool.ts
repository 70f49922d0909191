import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FuzzCase, FuzzScale } from './fuzzCase';
import type { ImportOutcome } from './importOutcome';

/** One hostile file's fate, with what is needed to make it again. */
export interface FuzzResult extends FuzzCase {
	note: string;
	files: { name: string; bytes: number }[];
	outcome: ImportOutcome;
	/** The demo data shown beside the import were exactly as before, after this file. */
	shownIntact: boolean;
}

export interface PoolOptions {
	scale: FuzzScale;
	/** Child processes importing at once. */
	workers: number;
	/** A file not done in this long is a hang: its worker is killed and another started. */
	timeoutMs: number;
	onResult?: (result: FuzzResult, done: number) => void;
}

const WORKER = fileURLToPath(new URL('./fuzzWorker.ts', import.meta.url));

type WorkerMessage =
	| { type: 'ready'; shown: Record<string, string> }
	| { type: 'crash'; message: string }
	| ({ type: 'result' } & Pick<FuzzResult, 'note' | 'files' | 'outcome' | 'shownIntact'>);

/**
 * Runs the cases in child processes (duckdb-wasm's Node build blocks its thread, so only another process can stop
 * a hang): each child takes one file at a time; one that overruns the time bound is killed and replaced, one that
 * dies is replaced, and the file it held is recorded as a hang or a crash. Returns the results in case order.
 */
export function runCases(cases: readonly FuzzCase[], options: PoolOptions): Promise<FuzzResult[]> {
	const results: FuzzResult[] = new Array(cases.length);
	let next = 0;
	let done = 0;
	return new Promise((resolve, reject) => {
		const record = (i: number, result: Omit<FuzzResult, keyof FuzzCase>) => {
			results[i] = { ...cases[i], ...result };
			done++;
			options.onResult?.(results[i], done);
			if (done === cases.length) resolve(results);
		};
		const failed = (i: number, kind: 'hang' | 'crash', message: string, ms: number) =>
			record(i, { note: '', files: [], outcome: { kind, stage: 'read', message: message.slice(0, 600), ms }, shownIntact: true });

		const start = () => {
			if (next >= cases.length) return;
			const child: ChildProcess = fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
			let stderr = '';
			child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
			let current = -1;
			let pending = false;
			let sentAt = 0;
			let timer: NodeJS.Timeout | undefined;
			let finished = false;
			const give = () => {
				if (next >= cases.length) {
					finished = true;
					child.kill();
					return;
				}
				current = next++;
				pending = true;
				sentAt = performance.now();
				timer = setTimeout(() => {
					finished = true;
					child.kill('SIGKILL');
					failed(current, 'hang', `no outcome after ${options.timeoutMs / 1000} s`, options.timeoutMs);
					start();
				}, options.timeoutMs);
				child.send({ fuzzCase: cases[current], scale: options.scale });
			};
			child.on('message', (message: WorkerMessage) => {
				if (message.type === 'ready') give();
				else if (message.type === 'crash') {
					finished = true;
					clearTimeout(timer);
					if (pending) failed(current, 'crash', message.message, performance.now() - sentAt);
					else reject(new Error(`a fuzz worker failed to start: ${message.message}`));
					start();
				} else {
					clearTimeout(timer);
					const { type: _, ...result } = message;
					pending = false;
					record(current, result);
					give();
				}
			});
			child.on('exit', (code, signal) => {
				clearTimeout(timer);
				if (finished) return;
				finished = true;
				if (current < 0) return reject(new Error(`a fuzz worker exited before it was ready (${code ?? signal}): ${stderr}`));
				if (!pending) return start();
				failed(current, 'crash', `the worker died (${code ?? signal}): ${stderr.trim().split('\n').slice(-3).join(' ')}`, performance.now() - sentAt);
				start();
			});
		};
		for (let w = 0; w < Math.min(options.workers, cases.length); w++) start();
		if (cases.length === 0) resolve(results);
	});
}
