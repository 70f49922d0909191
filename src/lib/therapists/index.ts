export { analyseTherapists, loadTherapistAnalysis, type FunnelPosition, type TherapistAnalysis, type TherapistResult } from './therapistAnalysis';
export { caseMixAdjustment, type CaseMixAdjustment, type CaseMixModel } from './caseMixAdjustment';
export * from './therapistText';
