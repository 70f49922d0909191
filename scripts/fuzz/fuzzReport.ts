import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutcomeKind } from './importOutcome';
import type { FuzzResult } from './workerPool';

const KINDS: OutcomeKind[] = ['imported', 'clear-error', 'unclear-error', 'hang', 'crash'];

export interface FuzzSummary {
	scale: string;
	seed: number;
	files: number;
	seconds: number;
	timeoutSeconds: number;
	outcomes: Record<OutcomeKind, number>;
	/** Files after which the shown demo data were not exactly as before (must be 0). */
	shownChanged: number;
	byFamily: Record<string, Record<OutcomeKind, number>>;
}

const zero = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;

/** Whether a result is a failure the run must not have. */
export const isFailure = (r: FuzzResult) => ['unclear-error', 'hang', 'crash'].includes(r.outcome.kind) || !r.shownIntact;

export function summarise(results: readonly FuzzResult[], run: Pick<FuzzSummary, 'scale' | 'seed' | 'seconds' | 'timeoutSeconds'>): FuzzSummary {
	const outcomes = zero();
	const byFamily: Record<string, Record<OutcomeKind, number>> = {};
	for (const r of results) {
		outcomes[r.outcome.kind]++;
		(byFamily[r.family] ??= zero())[r.outcome.kind]++;
	}
	return { ...run, files: results.length, outcomes, shownChanged: results.filter((r) => !r.shownIntact).length, byFamily };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 300);

function markdown(summary: FuzzSummary, results: readonly FuzzResult[]): string {
	const failures = results.filter(isFailure);
	const slowest = [...results].sort((a, b) => b.outcome.ms - a.outcome.ms).slice(0, 15);
	const out = [
		`# Importer fuzzing: ${summary.scale} run, seed ${summary.seed}`,
		'',
		`${summary.files.toLocaleString('en-CA')} hostile files in ${summary.seconds.toLocaleString('en-CA')} s, each within ${summary.timeoutSeconds} s or counted as a hang. ` +
			`Crashes ${summary.outcomes.crash}, hangs ${summary.outcomes.hang}, unclear errors ${summary.outcomes['unclear-error']}, shown data changed ${summary.shownChanged}.`,
		'',
		`| outcome | files |`,
		`|---|---:|`,
		...KINDS.map((k) => `| ${k} | ${summary.outcomes[k]} |`),
		'',
		'## By family',
		'',
		`| family | ${KINDS.join(' | ')} |`,
		`|---|${KINDS.map(() => '---:').join('|')}|`,
		...Object.entries(summary.byFamily).map(([family, counts]) => `| ${family} | ${KINDS.map((k) => counts[k]).join(' | ')} |`),
		'',
		'## Slowest files',
		'',
		'| family | # | seed | what | ms | outcome |',
		'|---|---:|---:|---|---:|---|',
		...slowest.map((r) => `| ${r.family} | ${r.index} | ${r.seed} | ${cell(r.note)} | ${r.outcome.ms} | ${r.outcome.kind} |`),
		'',
		'## Every failure (crash, hang, unclear error, shown data changed)',
		''
	];
	if (failures.length === 0) out.push('None.');
	else {
		out.push('| family | # | seed | what | outcome | stage | message |', '|---|---:|---:|---|---|---|---|');
		for (const r of failures) out.push(`| ${r.family} | ${r.index} | ${r.seed} | ${cell(r.note)} | ${r.shownIntact ? r.outcome.kind : `${r.outcome.kind}, shown data changed`} | ${r.outcome.stage} | ${cell(r.outcome.message ?? '')} |`);
	}
	return out.join('\n') + '\n';
}

/** Writes the run as JSON (summary and every result) and as a Markdown report beside it. */
export function writeReport(path: string, summary: FuzzSummary, results: readonly FuzzResult[]): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(`${path}.json`, JSON.stringify({ summary, results }, null, '\t') + '\n');
	writeFileSync(`${path}.md`, markdown(summary, results));
}
