import type { Connector } from '$lib/db';
import { loadExportedRows } from './exportDatabase';
import type { ExportData } from './exportRows';
import { researchResults, type ResultFigure } from './researchResults';

/**
 * The analysis tables' figures for the exported rows, as the researcher holds them (recoded, with the clients left
 * out for privacy gone): computed in a database of their own, opened for the purpose and closed after, so the
 * dashboard's dataset is never touched.
 */
export async function exportedResults(open: () => Promise<Connector>, data: ExportData): Promise<ResultFigure[]> {
	const db = await open();
	try {
		await loadExportedRows(db, data);
		return await researchResults(db, data.k);
	} finally {
		await db.close();
	}
}
