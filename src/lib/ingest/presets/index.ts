import type { MappingPreset } from '../importFields';
import { FHIR_PRESET } from './fhir';
import { REDCAP_PRESET } from './redcap';

export { FHIR_PRESET, REDCAP_PRESET };

/** The mapping presets the app ships, for the tables the REDCap and FHIR adapters make. */
export const SHIPPED_PRESETS: readonly MappingPreset[] = [REDCAP_PRESET, FHIR_PRESET];
