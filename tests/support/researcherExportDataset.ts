import type { Connector } from '$lib/db';
import { exportCanonicalTables } from '$lib/db/canonicalTables';
import { openNodeConnector } from '$lib/db/nodeConnector';
import { exportCsv, exportRows, type ExportData } from '$lib/export';
import { fittedPreset, profileValues } from '$lib/importer/suggestedMapping';
import { checkImport } from '$lib/ingest/check/checkImport';
import { commitImport } from '$lib/ingest/check/commitImport';
import { DEFAULT_IMPORT_OPTIONS } from '$lib/ingest/check/importOptions';
import { RESEARCHER_EXPORT_PRESET } from '$lib/ingest/presets';
import { readUpload } from '$lib/ingest/readUpload';
import { profileColumns } from '$lib/ingest/stage/profileColumns';
import { NO_FILTER } from '$lib/queries';
import { openDemoDatabase } from './demoDataset';
import { openDatasetDatabase } from './testDatabase';

/** The demo data's researcher export at k = 11, as the overview writes it. */
export async function demoResearcherExport(k = 11): Promise<ExportData> {
	const demo = await openDemoDatabase();
	try {
		return await exportRows(demo, NO_FILTER, k);
	} finally {
		await demo.close();
	}
}

/**
 * A Node DuckDB holding a researcher export imported as the import page imports it (its data.csv, with the preset it
 * is recognised by), then loaded and locked as the page shows a kept dataset: no dates, no therapist ids, recoded
 * client fields.
 */
export async function openResearcherExportDatabase(data: ExportData): Promise<Connector> {
	const db = await openNodeConnector();
	try {
		const staged = await readUpload(db, [{ name: 'data.csv', bytes: exportCsv(data, { bom: false }) }]);
		const profile = await profileColumns(db, staged);
		const mapping = fittedPreset(structuredClone(RESEARCHER_EXPORT_PRESET.mapping), staged.headers, profileValues(profile));
		const check = await checkImport(db, staged, mapping, DEFAULT_IMPORT_OPTIONS, { existingSessions: false, keySalt: 'salt' });
		if ('mappingProblems' in check) throw new Error(check.mappingProblems.join('\n'));
		await commitImport(db, mapping, DEFAULT_IMPORT_OPTIONS);
		return await openDatasetDatabase(await exportCanonicalTables(db));
	} finally {
		await db.close();
	}
}
