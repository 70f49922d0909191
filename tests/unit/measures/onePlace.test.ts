import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts and .svelte file under a folder. */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

/**
 * SQL that defines a measure or a cohort, as it would be written by hand elsewhere, and as the semantic layer writes
 * it (from column names given at run time): outside src/lib/measures the first must never match.
 */
const DEFINITIONS: [string, RegExp, RegExp][] = [
	['a course end point (first or last score by session number)', /arg_(min|max)\(\s*[\w.${}]+\s*,\s*session_number\s*\)/, /arg_(min|max)\(\$\{\w+\}, session_number\)/],
	['a course (end after baseline)', /end_session\s*>\s*baseline_session/, /end_session > baseline_session/],
	['a responder or reliable-change threshold on a change', /\b(change|room)\s*>=?\s*(\?|CAST\(\?|\d)/i, /change >= \$\{p\}/],
	['a change from an earlier to a later score', /\b\w+_(pre|baseline)\s*-\s*\w+_(post|end)\b|\b\w+_(post|end)\s*-\s*\w+_(pre|baseline)\b/, /\$\{earlier\} - \$\{later\}/],
	['a share of the normal range of motion', /100\s*\*[^;\n]*normal_degrees/, /100 \* \(\$\{degrees\}\) \/ \$\{normal\}/]
];

describe('one definition for every number', () => {
	it('writes the course, responder, within-session and % of normal SQL in src/lib/measures only', () => {
		const found: string[] = [];
		for (const file of sources('src')) {
			if (file.startsWith(join('src', 'lib', 'measures'))) continue;
			const text = readFileSync(file, 'utf8');
			for (const [what, outside] of DEFINITIONS) if (outside.test(text)) found.push(`${file}: ${what}`);
		}
		expect(found).toEqual([]);
	});

	it('finds each definition in the semantic layer, so the patterns above can match', () => {
		const text = sources(join('src', 'lib', 'measures')).map((f) => readFileSync(f, 'utf8')).join('\n');
		for (const [what, , inside] of DEFINITIONS) expect(inside.test(text), what).toBe(true);
	});
});
