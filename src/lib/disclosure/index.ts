export { DEFAULT_K, HOLDER_K, MIN_K, checkedK, sharedK } from './threshold';
export { blanked, statedN, suppressSmallCells, partitionSuppressed, secondarySuppression, type Suppressed, type SuppressionOptions } from './suppression';
export { complementary, protect, restsOnK, safeAlone, type DisclosureCell, type DisclosureProblem } from './engine';
export { suppressNestedSeries, type NestedSeriesOptions } from './nestedSeries';
export { hiddenSessionCounts, type SessionCount } from './sessionTable';
export { doseTotalShown, hiddenDoseBuckets, type ShownAttendance } from './doseBuckets';
