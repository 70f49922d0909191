export { tQuantile, tCdf, normalQuantile, twoSidedP, tCritical, zCritical } from './distributions';
export { summarize, type Summary } from './summary';
export { meanInterval, type MeanInterval } from './meanInterval';
export {
	EFFECT_SIZE_LABELS, changeEffects, dz, dav, ds, hedgesG, pairedT, independentT, correlation, pooledSd,
	type ChangeEffects, type EffectSize, type EffectSizeName, type TTest
} from './effectSizes';
export { wilsonInterval, type Proportion } from './proportion';
export { reliableChangeThreshold, thresholdFromMdc, type ReliableChangeThreshold } from './reliableChange';
export { ancova, type AncovaCell, type AncovaContrast, type AncovaResult, type AncovaOptions, type CellSums } from './ancova';
export { holm, benjaminiHochberg, adjustPValues, ADJUSTMENT_LABELS, type Adjustment } from './multiplicity';
export { funnelLimits, type FunnelPoint } from './funnel';
export { UNSTABLE_N, isUnstable } from './stability';
