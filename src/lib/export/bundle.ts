import { csvBytes } from '$lib/download/csvText';
import type { OutcomeFilter } from '$lib/queries';
import { exportCsv } from './csvExport';
import { dictionaryCsv } from './dictionaryCsv';
import { quasiIdentifierText, type ExportData } from './exportRows';
import { exportParquet } from './parquetExport';
import { tarArchive, type TarEntry } from './tar';

/** The files of the researcher bundle, in order. */
export const BUNDLE_FILES = ['README.txt', 'data.csv', 'data.parquet', 'dictionary.csv'] as const;

function filterText(filter: OutcomeFilter): string {
	const list = (values: string[]) => (values.length ? values.join(', ') : 'all');
	return [
		`  months: ${filter.from ?? 'first'} to ${filter.to ?? 'last'}`,
		`  techniques: ${list(filter.techniques)}`,
		`  conditions: ${list(filter.conditions)}`,
		`  therapists: ${list(filter.therapists)}`,
		`  clinics: ${list(filter.clinics)}`
	].join('\n');
}

/** The bundle's README: what is included, the filter, k, and how many clients and rows were left out and why. */
export function bundleReadme(data: ExportData, created: Date): string {
	const p = data.privacy;
	return `Massage outcomes: researcher bundle
Created ${created.toISOString().slice(0, 10)} by the outcomes dashboard, in the browser.

Files
  data.csv        tidy long format: one row per score (${p.rows} rows, ${p.clients} clients); text cells that
                  start with = + - @ tab or CR are prefixed with ' so a spreadsheet does not run them
  data.parquet    the same rows with typed columns
  dictionary.csv  what each column, instrument and statistic means

Filter
${filterText(data.filter)}

Privacy (k = ${data.k})
  A client's rows are included only if at least ${data.k} clients in this export share their
  ${quasiIdentifierText(data.options)} (k-anonymity over these quasi-identifiers).${data.options.includeClinic ? '' : '\n  The clinic is not included.'}
  Left out: ${p.leftOutClients} clients and ${p.leftOutRows} rows whose combination fewer than ${data.k} clients share.
  Which clients were left out is not recorded.
  Exact dates are not included (the month only), nor therapist ids: per-therapist data are the therapist's
  personal information. Ids are the dataset's pseudonymous ids.
`;
}

/** The researcher bundle as one ustar archive (README.txt, data.csv, data.parquet, dictionary.csv). */
export function researcherBundle(data: ExportData, options: { bom: boolean; created?: Date }): Uint8Array {
	const created = options.created ?? new Date();
	const text = (content: string) => csvBytes(content, { bom: false });
	const entries: TarEntry[] = [
		{ name: 'README.txt', content: text(bundleReadme(data, created)) },
		{ name: 'data.csv', content: exportCsv(data, options) },
		{ name: 'data.parquet', content: exportParquet(data) },
		{ name: 'dictionary.csv', content: csvBytes(dictionaryCsv(data.columns), options) }
	];
	return tarArchive(entries, created);
}
