export { DEFAULT_K, MIN_K, checkedK, suppressSmallCells, partitionSuppressed, type Suppressed, type SuppressionOptions } from './suppression';
