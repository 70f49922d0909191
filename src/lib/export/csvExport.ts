import { csvBytes, toCsv } from '$lib/download/csvText';
import type { ExportData } from './exportRows';

/** The export as CSV bytes: text cells escaped against spreadsheet formulas (OWASP), numbers written as they are. */
export function exportCsv(data: ExportData, options: { bom: boolean }): Uint8Array {
	return csvBytes(toCsv(data.columns, data.rows), options);
}
