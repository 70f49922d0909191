import type { MappingPreset } from '../importFields';
import { FHIR_PRESET } from './fhir';
import { REDCAP_PRESET } from './redcap';
import { RESEARCHER_EXPORT_PRESET } from './researcherExport';

export { FHIR_PRESET, REDCAP_PRESET, RESEARCHER_EXPORT_PRESET };
export { RESEARCHER_EXPORT_COLUMNS, isResearcherExport } from './researcherExport';

/** The mapping presets the app ships: for the tables the REDCap and FHIR adapters make, and for the app's own export. */
export const SHIPPED_PRESETS: readonly MappingPreset[] = [REDCAP_PRESET, FHIR_PRESET, RESEARCHER_EXPORT_PRESET];
