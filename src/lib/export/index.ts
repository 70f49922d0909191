export {
	DEFAULT_EXPORT_OPTIONS,
	EXPORT_COLUMNS,
	THERAPIST_FILTER_TEXT,
	exportColumns,
	exportFilter,
	exportPrivacy,
	exportRows,
	quasiIdentifierText,
	type ExportCell,
	type ExportColumn,
	type ExportData,
	type ExportOptions,
	type ExportPrivacy
} from './exportRows';
export { kAnonymousClients, quasiIdentifierKey, type ClientGroupRow, type KAnonymousClients, type KeptCounts } from './kAnonymity';
export {
	LOSS_WEIGHTS,
	RECODED,
	SUPPRESSION_LIMIT,
	chooseRecoding,
	coarsenedText,
	recodingLattice,
	recodingRuleText,
	recodingText,
	type ChosenRecoding,
	type Recoded,
	type Recoding
} from './recoding';
export { ALL, AGE_HIERARCHY, CONDITION_HIERARCHY, SEX_HIERARCHY, TWENTY_YEAR_BANDS, firstVisitHierarchy, type Hierarchy } from './hierarchies';
export { CONDITION_GROUPS, conditionGroup, type ConditionGroup } from '$lib/domain/conditionGroups';
export { exportCsv } from './csvExport';
export { exportParquet } from './parquetExport';
export { dictionaryCsv } from './dictionaryCsv';
export { BUNDLE_FILES, bundleReadme, researcherBundle } from './bundle';
export { zipArchive, type ZipEntry } from './zip';
export { POOLED, RESULT_COLUMNS, RESULTS_ADJUSTMENT, researchResults, resultsCsv, type ResultFigure } from './researchResults';
export { exportedResults } from './exportedResults';
export { loadExportedRows } from './exportDatabase';
export { REPRODUCE_TOLERANCE, reproduceConstants, reproduceScript } from './reproduceScript';
export { datedFileName, slug } from './fileName';
export { standaloneSvg, svgToPng, type ChartImageText } from './chartImage';
