import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { ImportFileError } from '$lib/ingest/importFileError';
import { readXlsx, xlsxSheetNames } from '$lib/ingest/readers';
import { VISIT_HEADERS, visitRowsWithNumberFee } from './visitTable';

const FIXTURES = 'tests/fixtures/import/';

function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(FIXTURES + name));
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportFileError);
	return error as ImportFileError;
}

describe('reading an Excel workbook', () => {
	it.each(['visits.xlsx', 'openpyxl-visits.xlsx'])('%s: the first sheet gives the visit table', async (name) => {
		const table = await readXlsx(fixture(name), name);
		expect(table.source).toBe(name);
		expect(table.headers).toEqual(VISIT_HEADERS);
		expect(table.rows).toHaveLength(16);
		expect(table.rows).toEqual(visitRowsWithNumberFee(true));
	});

	it('writes date cells as YYYY-MM-DD and date-time cells with their time, to the second', async () => {
		const { rows } = await readXlsx(fixture('visits.xlsx'), 'visits.xlsx');
		expect(rows[0]).toEqual(['C0001', 'T01', '2025-03-03', 'swedish', 'chronic_low_back_pain', '6.5', '4', '5', '60', '95', 'true', '2025-03-03 09:30:00']);
		expect(rows[3].slice(5, 12)).toEqual(['8', null, '7', '30', '55.5', 'true', '2025-03-11 14:45:30']);
		expect(rows[6][11]).toBe('2025-03-18');
		expect(rows[7][11]).toBeNull();
		expect(rows[12][6]).toBe('3.3');
	});

	it('lists the sheets and reads the one asked for', async () => {
		expect(await xlsxSheetNames(fixture('visits.xlsx'))).toEqual(['Visits', 'Notes']);
		expect(await xlsxSheetNames(fixture('openpyxl-visits.xlsx'))).toEqual(['Visits', 'Notes']);
		const notes = await readXlsx(fixture('visits.xlsx'), 'visits.xlsx', 'Notes');
		expect(notes.headers).toEqual(['topic', 'note']);
		expect(notes.rows).toEqual([
			['pain', 'Numeric pain rating, 0 to 10, before and after the visit'],
			['fee', 'Visit fee in dollars']
		]);
		const visits = await readXlsx(fixture('visits.xlsx'), 'visits.xlsx', 'Visits');
		expect(visits.rows).toHaveLength(16);
	});

	it('says which sheets there are when the one asked for is not there', async () => {
		const error = await failure(readXlsx(fixture('visits.xlsx'), 'visits.xlsx', 'Sessions'));
		expect(error.message).toBe(
			'visits.xlsx: Sheet not found: Sessions. Available sheets: Visits, Notes. Choose one of the workbook\'s sheets.'
		);
	});

	it('a sheet with only a header row gives the headers and no rows', async () => {
		const table = await readXlsx(fixture('header-only.xlsx'), 'header-only.xlsx');
		expect(table.headers).toEqual(VISIT_HEADERS);
		expect(table.rows).toEqual([]);
	});

	it('drops a blank column and blank rows at the end, and names a column that has values but no header', async () => {
		const table = await readXlsx(fixture('blank-column.xlsx'), 'blank-column.xlsx');
		expect(table.headers).toEqual(['client_id', 'visit_date', 'column C', 'pain_pre', 'pain_post']);
		expect(table.rows).toEqual([
			['C0001', '2025-03-03', 'room 2', '6.5', '4'],
			['C0002', '2025-03-03', null, '7', null],
			['C0003', '2025-03-11', 'room 1', '8', '5.5']
		]);
	});

	it('says a CSV renamed to .xlsx is not a workbook, and to save it as .xlsx or CSV', async () => {
		const csv = new TextEncoder().encode('client_id,visit_date\nC0001,2025-03-03\n');
		const error = await failure(readXlsx(csv, 'visits.xlsx'));
		expect(error.message).toBe(
			'visits.xlsx: this is not an Excel workbook (.xlsx): it may be a CSV or another kind of file renamed. ' +
				'If it is a CSV, give it the .csv extension; otherwise open it in Excel or LibreOffice, save it as an ' +
				'Excel Workbook (.xlsx) or as CSV, and upload that file.'
		);
		expect((await failure(xlsxSheetNames(csv, 'visits.xlsx'))).message).toContain('this is not an Excel workbook');
	});

	it('says an old .xls workbook must be saved as .xlsx or CSV', async () => {
		// The start of every Excel 97-2003 file: an OLE2 compound document.
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
		const error = await failure(readXlsx(xls, 'visits.xls'));
		expect(error.message).toBe(
			'visits.xls: this is an old-style Excel 97-2003 workbook (.xls), which cannot be read here. Open it in ' +
				'Excel or LibreOffice, save it as an Excel Workbook (.xlsx) or as CSV, and upload that file.'
		);
	});

	it('says a damaged workbook or an empty file cannot be read', async () => {
		const cut = fixture('visits.xlsx').slice(0, 600);
		expect((await failure(readXlsx(cut, 'cut.xlsx'))).message).toContain('cut.xlsx: this is not an Excel workbook');
		expect((await failure(readXlsx(new Uint8Array(), 'empty.xlsx'))).message).toBe(
			'empty.xlsx: the file is empty. Check that you chose the right file, or export it again.'
		);
	});

	it('says a sheet with nothing in it is empty', async () => {
		const blank = new Uint8Array(await writeXlsxFile([{ sheet: 'Visits', data: [[null, null]] }, { sheet: 'Blank', data: [[]] }]).toBuffer());
		expect((await failure(readXlsx(blank, 'blank.xlsx'))).message).toBe(
			'blank.xlsx: the first sheet is empty. Put the headers in the first row and one record per row below them, ' +
				'or choose another sheet.'
		);
		expect((await failure(readXlsx(blank, 'blank.xlsx', 'Blank'))).message).toContain('blank.xlsx: the sheet "Blank" is empty');
	});
});
