export { Client, AGE_BANDS, SEXES, TWENTY_YEAR_AGE_BANDS, RECODED_AGE_BANDS, RECODED_CONDITIONS, RECODED_SEXES } from './client';
export { Therapist } from './therapist';
export { Session, BODY_REGIONS, PRESSURES } from './session';
export { Measurement, TIMEPOINTS, SIDES } from './measurement';
export { tableColumns, type ColumnSpec, type SqlType } from './column';
export { validateRow, type FieldProblem } from './validate';

export { CANONICAL_TABLES } from './tables';
export { dataDictionary, type DictionaryTable, type DictionaryColumn } from './dictionary';
