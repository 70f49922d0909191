import type { Random } from '../../demo-data/random';
import type { FuzzFamily, FuzzScale } from '../fuzzCase';
import { VISIT_HEADERS, utf8, visitRows } from '../visitsTable';

const DEPTH: Record<FuzzScale, number> = { full: 100_000, subset: 100_000 };

function records(random: Random, count: number): Record<string, string>[] {
	return visitRows(random, count).map((row) => Object.fromEntries(VISIT_HEADERS.map((h, i) => [h, row[i]])));
}

/** Nesting that a recursive reader would not survive, at the top and inside a record. */
const DEEP: [string, (depth: number, random: Random) => string][] = [
	['nested arrays', (d) => '['.repeat(d) + ']'.repeat(d)],
	['nested objects', (d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)],
	['a record with a deeply nested field', (d, r) => JSON.stringify(records(r, 3)).replace('"Notes":""', `"Notes":${'{"a":'.repeat(d)}1${'}'.repeat(d)}`).replace(/"Notes":"[^"]*"/, `"Notes":${'['.repeat(d)}${']'.repeat(d)}`)],
	['NDJSON with a deeply nested line', (d, r) => records(r, 3).map((x) => JSON.stringify(x)).join('\n') + `\n{"Client":"C9","Notes":${'['.repeat(d)}1${']'.repeat(d)}}\n`],
	['nested arrays never closed', (d) => '['.repeat(d)]
];

/** JSON that parses into shapes that are not records, or does not parse at all. */
const SHAPES: [string, (random: Random) => string][] = [
	['a number', () => '42'],
	['a string', () => '"Client,Date"'],
	['null', () => 'null'],
	['true', () => 'true'],
	['an empty list', () => '[]'],
	['an empty object', () => '{}'],
	['a list of lists', (r) => JSON.stringify(visitRows(r, 5))],
	['a list of numbers and records', (r) => JSON.stringify([1, ...records(r, 3)])],
	['two lists of records', (r) => JSON.stringify({ a: records(r, 2), b: records(r, 2) })],
	['records with __proto__ and constructor keys', (r) => JSON.stringify(records(r, 3)).replaceAll('"Notes"', '"__proto__"').replace('"Date"', '"constructor"')],
	['records with 5,000 keys each', (r) => JSON.stringify(records(r, 3).map((x) => ({ ...x, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) })))],
	['duplicate keys', () => '[{"Client":"C1","Client":"C2","Date":"2025-01-01"}]'],
	['trailing commas and comments', (r) => JSON.stringify(records(r, 2)).replace(']', ',]') + ' // done'],
	['NaN and Infinity literals', () => '[{"Client":"C1","Pain before":NaN,"Pain after":Infinity}]'],
	['huge numbers and -0', () => '[{"Client":"C1","Date":"2025-01-01","Technique":"Swedish","Condition":"Neck pain","Pain before":1e309,"Pain after":-0}]'],
	['lone surrogates in strings', () => '[{"Client":"\\ud800","Notes":"\\udfff"}]'],
	['a BOM and whitespace only', () => '\ufeff  \n\t '],
	['NDJSON with a broken line', (r) => records(r, 4).map((x) => JSON.stringify(x)).join('\n').replace('}\n{', '}\n{"oops"')],
	['NDJSON of lists', (r) => visitRows(r, 4).map((x) => JSON.stringify(x)).join('\n')],
	['concatenated documents', (r) => JSON.stringify(records(r, 2)) + JSON.stringify(records(r, 2))]
];

/** Deeply nested JSON (100,000 levels), and JSON of every wrong shape. */
export const json: FuzzFamily = {
	name: 'json',
	about: 'JSON nested 100,000 deep (arrays, objects, inside a record, NDJSON), and wrong shapes: scalars, lists of lists, two lists, __proto__ keys, NaN',
	count: { full: 64, subset: 7 },
	make(random, index, scale) {
		if (index % 4 === 0) {
			const [label, text] = DEEP[(index / 4) % DEEP.length];
			const name = label.startsWith('NDJSON') ? 'deep.ndjson' : 'deep.json';
			return { files: [{ name, bytes: utf8(text(DEPTH[scale], random)) }], note: `${label}, ${DEPTH[scale].toLocaleString('en-CA')} deep` };
		}
		const [label, text] = SHAPES[index % SHAPES.length];
		return { files: [{ name: label.startsWith('NDJSON') ? 'shape.ndjson' : 'shape.json', bytes: utf8(text(random)) }], note: label };
	}
};
