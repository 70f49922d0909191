import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** README.md and docs/*.md link to each other and to the repository's files by relative paths: each must resolve. */
const DOCS = ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => join('docs', name))];

/** A heading's anchor as GitHub writes it: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[`*_]/g, '')
		.replace(/[^\p{L}\p{N} -]/gu, '')
		.replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
	const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
	return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));
}

/** Relative links of a markdown file, outside code: `[text](target)`. */
function links(file: string): string[] {
	const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/.test(target));
}

describe.each(DOCS)('%s', (file) => {
	test.each(links(file))('links to %s, which exists', (target) => {
		const [path, hash] = target.split('#');
		const resolved = path === '' ? file : join(dirname(file), path);
		expect(existsSync(resolved), `${file} links to ${target}: ${resolved} does not exist`).toBe(true);
		if (hash !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md')) {
			expect([...anchors(resolved)], `${file} links to ${target}: ${resolved} has no heading for #${hash}`).toContain(hash);
		}
	});

	test('mentions no file outside the repository', () => {
		expect(readFileSync(file, 'utf8')).not.toMatch(/domain\.md|\/work\/|\]\(\.\.\/\.\.\//);
	});
});
