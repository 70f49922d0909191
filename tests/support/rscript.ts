import { spawnSync } from 'node:child_process';

/** What Rscript printed and how it ended. */
export interface RscriptRun {
	status: number | null;
	output: string;
}

/** Runs `Rscript <args>` in a folder; says what to install when R is missing rather than skipping the check. */
export function rscript(args: readonly string[], cwd: string): RscriptRun {
	const run = spawnSync('Rscript', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
		throw new Error("Rscript not found: install R (Debian: apt-get install r-base-core; .ci/run installs it when it is missing)");
	}
	return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}
