export {
	DEFAULT_EXPORT_OPTIONS,
	EXPORT_COLUMNS,
	exportColumns,
	exportPrivacy,
	exportRows,
	quasiIdentifierText,
	type ExportCell,
	type ExportColumn,
	type ExportData,
	type ExportOptions
} from './exportRows';
export { kAnonymousClients, quasiIdentifierKey, type ClientGroupRow, type KAnonymousClients } from './kAnonymity';
export { exportCsv } from './csvExport';
export { exportParquet } from './parquetExport';
export { dictionaryCsv } from './dictionaryCsv';
export { BUNDLE_FILES, bundleReadme, researcherBundle } from './bundle';
export { tarArchive, type TarEntry } from './tar';
export { datedFileName, slug } from './fileName';
export { standaloneSvg, svgToPng, type ChartImageText } from './chartImage';
