import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { adaptFhir } from '$lib/ingest/adapters';
import { readJson, readParquet } from '$lib/ingest/readers';

const DEEP = 100_000;

test('JSON nested 100,000 deep is refused by name, not with a stack overflow', () => {
	expect(() => readJson('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), 'deep.json')).toThrow(
		/^deep\.json: the file nests lists or objects more than 100 levels deep, .* Save it again/
	);
	expect(() => readJson(`{"Client":"C1"}\n{"Client":"C2","Notes":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}\n`, 'deep.ndjson')).toThrow(
		/^deep\.ndjson: line 2 nests lists or objects more than 100 levels deep/
	);
});

test('a FHIR resource nested 100,000 deep is refused with its file and line', () => {
	const text = `{"resourceType":"Patient","id":"p1"}\n{"resourceType":"Observation","valueQuantity":${'{"value":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}\n`;
	expect(() => adaptFhir([{ name: 'Observation.ndjson', text }])).toThrow(/^Observation\.ndjson: line 2 nests lists or objects more than 100 levels deep/);
});

test('a Parquet footer whose length is zero or off by one is called damaged, not a TypeError', async () => {
	const bytes = new Uint8Array(readFileSync('tests/fixtures/import/duckdb-gzip.parquet'));
	const view = new DataView(bytes.buffer, bytes.byteOffset);
	const length = view.getUint32(bytes.length - 8, true);
	for (const wrong of [0, length + 1]) {
		const copy = bytes.slice();
		new DataView(copy.buffer).setUint32(copy.length - 8, wrong, true);
		await expect(readParquet(copy, 'visits.parquet')).rejects.toThrow(/^visits\.parquet: the Parquet file's (footer|data) cannot be read \(it is damaged or cut short\)\. Export it again/);
	}
});
