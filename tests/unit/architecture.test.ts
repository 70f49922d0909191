import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * docs/architecture.md names every folder of src/lib (nested ones too) and every module at its top, with the other
 * folders each may import. This test holds the doc and the code to each other: a folder added, removed or renamed,
 * or an import across folders that the doc does not allow, fails here until the doc says so.
 */

const LIB = resolve('src/lib');
const DOC = 'docs/architecture.md';
const TABLE_HEADING = '## Folders of src/lib';
const SOURCE = /\.(ts|js|cjs|svelte)$/;
/** `from '…'`, `import '…'` and `import('…')`, across lines too. */
const IMPORT = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

/** One row of the doc's table: a folder (`ingest/adapters`) or a top-level module (`format.ts`), and what it may import. */
interface Row {
	name: string;
	mayImport: string[];
}

/** The table under TABLE_HEADING: `| folder | holds | may import |`, names in backticks, "nothing" for none. */
function documentedRows(doc: string): Row[] {
	const lines = doc.split('\n');
	const start = lines.findIndex((line) => line.trim() === TABLE_HEADING);
	if (start < 0) throw new Error(`${DOC} has no "${TABLE_HEADING}" section`);
	const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
	const table = lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim().startsWith('|'));
	const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
	const [header, , ...rows] = table;
	if (!header || cells(header).join(' | ').toLowerCase() !== 'folder | holds | may import') {
		throw new Error(`${DOC}: the table under "${TABLE_HEADING}" must have the columns folder | holds | may import`);
	}
	return rows.map((line) => {
		const [folder, , allowed] = cells(line);
		const name = /^`([^`]+)`$/.exec(folder)?.[1];
		if (!name) throw new Error(`${DOC}: a row's folder must be one name in backticks: ${line}`);
		if (allowed === undefined) throw new Error(`${DOC}: the row of ${name} has no "may import" cell`);
		const mayImport = [...allowed.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
		if (mayImport.length === 0 && allowed !== 'nothing') throw new Error(`${DOC}: ${name} may import "${allowed}": write names in backticks, or nothing`);
		return { name, mayImport };
	});
}

/** Every folder under src/lib, as a path relative to it (`ingest/adapters`). */
function libFolders(dir = LIB): string[] {
	return readdirSync(dir)
		.map((name) => join(dir, name))
		.filter((path) => statSync(path).isDirectory())
		.flatMap((path) => [relative(LIB, path).split('\\').join('/'), ...libFolders(path)]);
}

/** The source files directly in src/lib (`format.ts`). */
function libModules(): string[] {
	return readdirSync(LIB).filter((name) => SOURCE.test(name) && statSync(join(LIB, name)).isFile());
}

function sourceFiles(path: string): string[] {
	if (!statSync(path).isDirectory()) return SOURCE.test(path) ? [path] : [];
	return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

/** The top-level folder or module of src/lib a path inside it belongs to: `ingest` for `ingest/check/x`, `format.ts` for `format`. */
function topEntry(pathInLib: string): string {
	const first = pathInLib.split('/')[0];
	if (existsSync(join(LIB, first)) && statSync(join(LIB, first)).isDirectory()) return first;
	return libModules().find((module) => module === first || module.replace(SOURCE, '').replace(/\.svelte$/, '') === first) ?? first;
}

/** The top-level entries of src/lib a file imports, other than its own, each with the text that imports it. */
function crossImports(file: string): { entry: string; specifier: string }[] {
	const own = topEntry(relative(LIB, file).split('\\').join('/'));
	const found: { entry: string; specifier: string }[] = [];
	for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
		const path = specifier.split('?')[0];
		let inLib: string;
		if (path.startsWith('$lib/')) inLib = path.slice('$lib/'.length);
		else if (path.startsWith('./') || path.startsWith('../')) inLib = relative(LIB, resolve(dirname(file), path)).split('\\').join('/');
		else continue;
		if (inLib.startsWith('..') || inLib === '') continue;
		const entry = topEntry(inLib);
		if (entry !== own) found.push({ entry, specifier });
	}
	return found;
}

const rows = documentedRows(readFileSync(DOC, 'utf8'));
const named = new Set(rows.map((r) => r.name));
const folders = libFolders();
const modules = libModules();
const topLevel = new Set([...folders.filter((f) => !f.includes('/')), ...modules]);

describe(`${DOC} names every folder of src/lib`, () => {
	test.each(folders)('src/lib/%s is named in its table', (folder) => {
		expect(named.has(folder), `src/lib/${folder} is not named in the table of ${DOC}: add a row for it`).toBe(true);
	});

	test.each(modules)('src/lib/%s (a module at the top) is named in its table', (module) => {
		expect(named.has(module), `src/lib/${module} is not named in the table of ${DOC}: add a row for it`).toBe(true);
	});

	test('names each folder once', () => {
		expect(rows.map((r) => r.name).filter((name, i, all) => all.indexOf(name) !== i)).toEqual([]);
	});
});

describe(`what ${DOC} names exists`, () => {
	test.each(rows.map((r) => r.name))('src/lib/%s exists', (name) => {
		expect(existsSync(join(LIB, name)), `${DOC} names src/lib/${name}, which does not exist`).toBe(true);
	});

	test.each(rows.map((r) => [r.name, r.mayImport] as const))('what %s may import exists at the top of src/lib', (name, mayImport) => {
		const unknown = mayImport.filter((allowed) => !topLevel.has(allowed));
		expect(unknown, `${DOC}: ${name} may import ${unknown.join(', ')}, not a folder or module at the top of src/lib`).toEqual([]);
	});

	test.each(rows.filter((r) => r.name.includes('/')).map((r) => [r.name, r.mayImport] as const))('what %s may import, its parent may too', (name, mayImport) => {
		const parent = rows.find((r) => r.name === name.split('/')[0]);
		const beyond = mayImport.filter((allowed) => !parent?.mayImport.includes(allowed));
		expect(beyond, `${DOC}: ${name} may import ${beyond.join(', ')}, which its parent's row does not allow`).toEqual([]);
	});
});

describe('each folder imports only what docs/architecture.md allows', () => {
	test.each(rows.filter((r) => existsSync(join(LIB, r.name))).map((r) => [r.name, r.mayImport] as const))('src/lib/%s', (name, mayImport) => {
		const allowed = new Set(mayImport);
		const refused = sourceFiles(join(LIB, name)).flatMap((file) =>
			crossImports(file)
				.filter(({ entry }) => !allowed.has(entry))
				.map(({ entry, specifier }) => `src/lib/${relative(LIB, file).split('\\').join('/')} imports '${specifier}' (${entry})`)
		);
		expect(refused, `${name} may import only ${mayImport.join(', ') || 'nothing'} (${DOC}); change the import, or the doc`).toEqual([]);
	});
});
