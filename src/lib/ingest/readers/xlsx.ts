import readXlsxFile, { InvalidInputError, readSheet, SheetNotFoundError, type SheetData } from 'read-excel-file/universal';
import { ImportFileError } from '../importFileError';
import type { TextTable } from '../textTable';
import { cellText } from './cellText';
import { sheetExtent } from './xlsxExtent';

const SAVE_AS = 'Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) or as CSV, and upload that file.';

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A read-excel-file failure as the message a person acts on. */
function importError(error: unknown, source: string): unknown {
	if (error instanceof SheetNotFoundError) {
		return new ImportFileError(source, `${error.message}. Choose one of the workbook's sheets.`, { cause: error });
	}
	if (error instanceof InvalidInputError) {
		if (error.code === 'XLS_FILE_NOT_SUPPORTED') {
			return new ImportFileError(
				source,
				`this is an old-style Excel 97-2003 workbook (.xls), which cannot be read here. ${SAVE_AS}`,
				{ cause: error }
			);
		}
		return new ImportFileError(
			source,
			`this is not an Excel workbook (.xlsx): it may be a CSV or another kind of file renamed. ` +
				`If it is a CSV, give it the .csv extension; otherwise ${SAVE_AS.charAt(0).toLowerCase()}${SAVE_AS.slice(1)}`,
			{ cause: error }
		);
	}
	// A TypeError or RangeError is the reader tripping over XML no spreadsheet program writes: say so, not its words.
	const reason = error instanceof TypeError || error instanceof RangeError ? 'its contents are damaged or not as Excel writes them' : error instanceof Error ? error.message : String(error);
	return new ImportFileError(source, `the workbook cannot be read (${reason}). ${SAVE_AS}`, { cause: error });
}

/**
 * A cell as text: blank as null; a date as YYYY-MM-DD, with its time as YYYY-MM-DD HH:MM:SS. Excel keeps a time
 * as a fraction of a day, which lands a hair off the second (09:29:59.999), so dates are rounded to the second.
 */
function xlsxCellText(cell: unknown): string | null {
	if (cell instanceof Date) return cellText(new Date(Math.round(cell.getTime() / 1000) * 1000));
	if (typeof cell === 'string' && cell.trim() === '') return null;
	return cellText(cell);
}

/** Excel's letters for a column index from 0: A, B, ... Z, AA. */
function columnLetters(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

function isBlank(row: (string | null)[]): boolean {
	return row.every((cell) => cell === null);
}

/** The sheets of an uploaded workbook, in the order Excel shows them, so a person can choose one. */
export async function xlsxSheetNames(bytes: Uint8Array, source = 'the workbook'): Promise<string[]> {
	await refuseHugeSheets(bytes, source);
	try {
		return (await readXlsxFile(arrayBuffer(bytes))).map((sheet) => sheet.sheet);
	} catch (error) {
		throw importError(error, source);
	}
}

/** The most cells (last row × last column) a sheet may span: the Excel reader lays out every one of them. */
export const MAX_SHEET_CELLS = 50_000_000;

/** Each workbook's extent, measured once though its sheet names and then a sheet are read. */
const extents = new WeakMap<Uint8Array, ReturnType<typeof sheetExtent>>();

async function refuseHugeSheets(bytes: Uint8Array, source: string): Promise<void> {
	if (!extents.has(bytes)) extents.set(bytes, sheetExtent(bytes));
	const extent = await extents.get(bytes)!;
	if (!extent || extent.rows * extent.columns <= MAX_SHEET_CELLS) return;
	const count = (n: number) => n.toLocaleString('en-CA');
	throw new ImportFileError(
		source,
		`a sheet has a cell at ${extent.corner}, so it spans ${count(extent.rows)} rows by ${count(extent.columns)} columns, more than the import can lay out. ` +
			'A value or format far below or right of the data usually does this: delete the rows and columns after the data, or save the sheet as CSV, and import that.'
	);
}

/**
 * Reads one sheet of an uploaded Excel workbook (.xlsx; the first sheet unless one is named) into a TextTable.
 * The first non-blank row holds the headers; blank rows at the end are dropped; a column with no header and no
 * values is dropped, and one with values but no header is called "column C" after its letter.
 */
export async function readXlsx(bytes: Uint8Array, source: string, sheet?: string): Promise<TextTable> {
	if (bytes.length === 0) {
		throw new ImportFileError(source, 'the file is empty. Check that you chose the right file, or export it again.');
	}
	await refuseHugeSheets(bytes, source);
	let data: SheetData;
	try {
		data = sheet === undefined ? await readSheet(arrayBuffer(bytes)) : await readSheet(arrayBuffer(bytes), sheet);
	} catch (error) {
		throw importError(error, source);
	}

	const cells = data.map((row) => row.map(xlsxCellText));
	while (cells.length > 0 && isBlank(cells[0])) cells.shift();
	while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
	const where = sheet === undefined ? 'the first sheet' : `the sheet "${sheet}"`;
	if (cells.length === 0) {
		throw new ImportFileError(
			source,
			`${where} is empty. Put the headers in the first row and one record per row below them, or choose another sheet.`
		);
	}

	const [headerRow, ...body] = cells;
	const width = Math.max(...cells.map((row) => row.length));
	const kept: number[] = [];
	const headers: string[] = [];
	for (let column = 0; column < width; column++) {
		const header = headerRow[column] ?? null;
		if (header === null && body.every((row) => (row[column] ?? null) === null)) continue;
		kept.push(column);
		headers.push(header ?? `column ${columnLetters(column)}`);
	}
	const rows = body.map((row) => kept.map((column) => row[column] ?? null));
	return { source, headers, rows };
}
