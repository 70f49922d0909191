import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every bare import reachable from a module by relative imports, as a bundler would follow them. */
function bareImports(entry: string): Set<string> {
	const seen = new Set<string>();
	const bare = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
		for (const match of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
			const specifier = match[1] ?? match[2] ?? match[3];
			if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
			else bare.add(specifier);
		}
	};
	visit(entry);
	return bare;
}

/** The file a package's export resolves to in the browser (the "browser" or "import" condition). */
function browserEntry(pkg: string, subpath = '.'): string {
	const root = resolve('node_modules', pkg);
	const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
	let target = manifest.exports?.[subpath] ?? manifest.module ?? manifest.main;
	while (typeof target === 'object') target = target.browser ?? target.import ?? target.default;
	return resolve(root, target);
}

describe('the readers\' libraries in the page', () => {
	it.each([
		['hyparquet', '.'],
		['hyparquet-compressors', '.'],
		['read-excel-file', './universal']
	])('%s (%s) reaches no Node built-in module', (pkg, subpath) => {
		const imports = [...bareImports(browserEntry(pkg, subpath))];
		expect(imports.filter((name) => BUILTINS.has(name))).toEqual([]);
	});

	it('would see one: hyparquet\'s Node entry reads files with a built-in', () => {
		const root = resolve('node_modules', 'hyparquet');
		expect([...bareImports(resolve(root, 'src/node.js'))].some((name) => BUILTINS.has(name))).toBe(true);
		expect(bareImports(browserEntry('read-excel-file', './universal'))).toContain('fflate');
	});
});
