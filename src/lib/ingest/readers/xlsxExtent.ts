/**
 * How far a workbook's sheets reach, read from the cell references in their XML (r="XFD1048576") before the
 * workbook is read: the Excel reader lays out every row and column up to the last cell, so one stray cell at the
 * sheet's far corner would take minutes and gigabytes. Uses the platform's own inflate, as gzip does.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export interface SheetExtent {
	/** The last row and column (from 1) any cell names, and the reference of the cell where they meet. */
	rows: number;
	columns: number;
	corner: string;
}

function columnNumber(letters: string): number {
	return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The sheets' XML, or null when the zip's directory cannot be followed (the Excel reader then says why). */
async function sheetXml(bytes: Uint8Array): Promise<string[] | null> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--;
	if (end < 0) return null;
	const sheets: string[] = [];
	const decoder = new TextDecoder();
	let at = view.getUint32(end + 16, true);
	for (let i = view.getUint16(end + 10, true); i > 0; i--) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) return null;
		const [method, size, nameLength] = [view.getUint16(at + 10, true), view.getUint32(at + 20, true), view.getUint16(at + 28, true)];
		const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		const local = view.getUint32(at + 42, true);
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
		if (!SHEET.test(name) || local + 30 > bytes.length) continue;
		const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
		const data = bytes.subarray(start, start + size);
		sheets.push(decoder.decode(method === 8 ? await inflate(data) : data));
	}
	return sheets;
}

/** The farthest row and column any sheet's cells name, or null when it cannot be told. */
export async function sheetExtent(bytes: Uint8Array): Promise<SheetExtent | null> {
	let sheets: string[] | null;
	try {
		sheets = await sheetXml(bytes);
	} catch {
		return null;
	}
	if (!sheets) return null;
	let [rows, columns, lastLetters] = [0, 0, 'A'];
	for (const xml of sheets) {
		for (const [, letters, digits] of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) {
			rows = Math.max(rows, Number(digits));
			if (columnNumber(letters) > columns) [columns, lastLetters] = [columnNumber(letters), letters];
		}
	}
	return { rows, columns, corner: `${lastLetters}${rows}` };
}
