export { QueryError, type Connector, type Row, type SqlParam } from './connector';
export { placeholders, quoteIdentifier, quoteLiteral } from './sql';
export { loadDataset, type DatasetFiles } from './loadDataset';
export { OPEN_SETTINGS, LOCK_SETTINGS } from './settings';
