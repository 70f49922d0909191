export { adaptRedcap, isRedcapDictionary, SESSION_KEY } from './redcap';
export { adaptFhir, looksLikeFhir } from './fhir';
export { pseudonymousKey } from './pseudonymousKey';
