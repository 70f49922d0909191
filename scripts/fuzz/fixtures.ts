import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = 'tests/fixtures/import';

/** One of the import fixtures, as bytes. */
export function fixture(path: string): Uint8Array {
	return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

/** The fixtures (paths below tests/fixtures/import) whose names end with one of these extensions, sorted. */
export function fixtureNames(...extensions: string[]): string[] {
	const names = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' });
	return names.filter((n) => extensions.some((e) => n.endsWith(e))).sort();
}
