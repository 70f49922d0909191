import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

const SNAPSHOTS = join('tests', 'unit', 'snapshots');

/** Renders Plot options to SVG text in jsdom, with numbers rounded so tiny float differences do not matter. */
export function renderSvg(options: Plot.PlotOptions): string {
	const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
	const svg = Plot.plot({ ...options, document }).outerHTML;
	return svg.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/**
 * The saved SVG for `name`. A missing file is written only with UPDATE_SNAPSHOTS=1; otherwise the test fails,
 * so a chart can never pass by creating its own reference.
 */
export function savedSvg(name: string, actual: string): string {
	const file = join(SNAPSHOTS, `${name}.svg`);
	if (process.env.UPDATE_SNAPSHOTS === '1') {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, actual);
	}
	if (!existsSync(file)) throw new Error(`no saved SVG ${file}: run UPDATE_SNAPSHOTS=1 npx vitest run and review it`);
	return readFileSync(file, 'utf8');
}
