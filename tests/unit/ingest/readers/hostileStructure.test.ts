import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { adaptFhir } from '$lib/ingest/adapters';
import { readJson, readParquet, readXlsx, xlsxSheetNames } from '$lib/ingest/readers';
import { sheetXml, xlsxWith } from '../../../../scripts/fuzz/storedZip';

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

const WORKSHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

test('a workbook with a cell at XFD1048576 is refused with that cell, before the reader lays out 17 billion cells', async () => {
	const bytes = xlsxWith(`${WORKSHEET}<row r="1"><c r="A1" t="inlineStr"><is><t>Client</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`);
	const message = /^far\.xlsx: a sheet has a cell at XFD1048576, so it spans 1,048,576 rows by 16,384 columns, .* delete the rows and columns after the data/;
	await expect(xlsxSheetNames(bytes, 'far.xlsx')).rejects.toThrow(message);
	await expect(readXlsx(bytes, 'far.xlsx')).rejects.toThrow(message);
});

test('sheet XML the Excel reader trips over (cells without references) is called damaged, not a TypeError', async () => {
	const bytes = xlsxWith(sheetXml([['Client', 'Date'], ['C1', '2025-01-01']], { references: false }));
	await expect(readXlsx(bytes, 'odd.xlsx')).rejects.toThrow(
		"odd.xlsx: the workbook cannot be read (its contents are damaged or not as Excel writes them). Open it in Excel or LibreOffice"
	);
});
