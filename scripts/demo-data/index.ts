export { generateDemoData, simulateDemoData, stalledClients, DEFAULT_DEMO_DATA_OPTIONS, type SimulatedDemoData } from './generateDemoData';
export { demoDataToCsv, toCsv, csvField, DEMO_COLUMNS, type DemoTable } from './csv';
export { gzipReproducible } from './gzip';
export type * from './types';
