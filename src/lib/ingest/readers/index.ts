export { cellText, dateText } from './cellText';
export { readJson } from './json';
export { readParquet } from './parquet';
export { readXlsx, xlsxSheetNames } from './xlsx';
export { bundleDataFile, isResearcherBundle, zipEntryNames } from './bundleZip';
