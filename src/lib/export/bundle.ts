import { csvBytes } from '$lib/download/csvText';
import type { OutcomeFilter } from '$lib/queries';
import { exportCsv } from './csvExport';
import { dictionaryCsv } from './dictionaryCsv';
import { THERAPIST_FILTER_TEXT, quasiIdentifierText, type ExportData } from './exportRows';
import { exportParquet } from './parquetExport';
import { LOSS_WEIGHTS, recodingRuleText, recodingText } from './recoding';
import { REPRODUCE_TOLERANCE, reproduceScript } from './reproduceScript';
import reproduceTemplate from './reproduce.R?raw';
import { POOLED, RESULTS_ADJUSTMENT, resultsCsv, type ResultFigure } from './researchResults';
import { zipArchive, type ZipEntry } from './zip';

/** The files of the researcher bundle, in order. */
export const BUNDLE_FILES = ['README.txt', 'data.csv', 'data.parquet', 'dictionary.csv', 'results.csv', 'reproduce.R'] as const;

/** The filter as applied: no therapist line, since the therapist filter is never applied to an export. */
function filterText(filter: OutcomeFilter): string {
	const list = (values: string[]) => (values.length ? values.join(', ') : 'all');
	return [
		`  months: ${filter.from ?? 'first'} to ${filter.to ?? 'last'}`,
		`  techniques: ${list(filter.techniques)}`,
		`  conditions: ${list(filter.conditions)}`,
		`  clinics: ${list(filter.clinics)}`,
		`  ${THERAPIST_FILTER_TEXT}`
	].join('\n');
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const clients = (n: number) => `${n} client${n === 1 ? '' : 's'}`;
const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

/**
 * The bundle's README: what is included, the filter, k, the recoding chosen, how many clients and rows were kept
 * and left out, and the information lost. It names no therapist.
 */
export function bundleReadme(data: ExportData, created: Date, figures: number): string {
	const p = data.privacy;
	const allClients = p.clients + p.leftOutClients;
	const weights = `condition ${LOSS_WEIGHTS.condition}, age ${LOSS_WEIGHTS.age_band}, sex ${LOSS_WEIGHTS.sex}, first visit ${LOSS_WEIGHTS.first_visit}`;
	return `Massage outcomes: researcher bundle
Created ${created.toISOString().slice(0, 10)} by the outcomes dashboard, in the browser.

Files
  data.csv        tidy long format: one row per score (${rows(p.rows)}, ${clients(p.clients)}); text cells that
                  start with = + - @ tab or CR are prefixed with ' so a spreadsheet does not run them
  data.parquet    the same rows with typed columns
  dictionary.csv  what each column, recoded value, instrument and statistic means
  results.csv     every figure of the dashboard's techniques tables computed on the rows of data.csv (below)
  reproduce.R     recomputes every figure of results.csv from data.csv with base R: run Rscript reproduce.R

Filter
${filterText(data.filter)}

Privacy (k = ${data.k})
  Quasi-identifiers: ${quasiIdentifierText(data.options)}. Every combination of them in data.csv is shared by at
  least ${data.k} clients (k-anonymity), by global recoding and then leaving out the clients still in smaller groups.
  Recoding chosen: ${recodingText(p.recoding)}
    (${recodingRuleText(p)}).${data.options.includeClinic ? '\n  The clinic is exact, as chosen.' : '\n  The clinic is not included.'}
  Kept: ${p.clients} of ${clients(allClients)} and ${p.rows} of ${rows(p.rows + p.leftOutRows)}, in ${p.combinations} combinations.
  Left out: ${clients(p.leftOutClients)} and ${rows(p.leftOutRows)} whose combination fewer than ${data.k} clients share after recoding.
  Which clients were left out is not recorded.
  Information lost: ${percent(p.informationLoss)} (Iyengar's loss metric: a value covering m of the M values as
  stored loses (m - 1) / (M - 1); averaged over clients and, weighted ${weights}, over the
  quasi-identifiers; a client left out loses all).
  Not exported: dates or months (days_since_first_visit counts the days from the client's first session in this
  export, first_visit is that session's period as recoded), and therapist ids: per-therapist data are the
  therapist's personal information. Ids are the dataset's pseudonymous ids.

Results and how to reproduce them
  results.csv holds ${figures} figure${figures === 1 ? '' : 's'}: the techniques page's tables computed by the dashboard's own code on exactly
  the rows of data.csv, as if they were a dataset of their own: for each condition in data.csv (recoded as it is
  there) and for all conditions pooled (condition = ${POOLED}, adjusted for condition), for pain, stress and sleep
  quality, and for a course ending at the last session's score before it (course_end last_pre) or after it
  (last_post). Per course technique: n, mean change with its 95% CI, d_z, d_av, responders, % responders and
  reliable change (counts, denominators and Wilson 95% intervals), and the baseline-adjusted difference against the
  reference technique (reference = 1) with its 95% CI, p and ${RESULTS_ADJUSTMENT === 'holm' ? 'Holm' : 'Benjamini-Hochberg'}-adjusted p. Per session technique
  (table within): clients, sessions, mean within-session change with its 95% CI, d_z and d_av. Improvement is
  positive. Groups of fewer than ${data.k} clients are left out, as on the dashboard.
  These are not the dashboard's figures for the same filter: the dashboard computes on every client with dates,
  exact conditions and age bands, while data.csv leaves out ${clients(p.leftOutClients)} and is recoded as above (a
  condition group or all pools its conditions). They are the figures of the data you hold.
  In a folder holding these files, run (R 4.x, no package to install):
      Rscript reproduce.R
  It prints every figure of results.csv beside the same figure recomputed in base R (lm, confint, t.test,
  prop.test, p.adjust), writes both to reproduce-comparison.csv, and exits with status 1 if any differs by more than
  ${REPRODUCE_TOLERANCE.absolute.toExponential()} + ${REPRODUCE_TOLERANCE.relative.toExponential()} x |value| (results.csv holds every digit; the difference is floating-point rounding).
`;
}

/**
 * The researcher bundle as one zip archive: README.txt, data.csv, data.parquet, dictionary.csv, results.csv (the
 * figures of the exported rows, from exportedResults) and reproduce.R.
 */
export function researcherBundle(data: ExportData, results: readonly ResultFigure[], options: { bom: boolean; created?: Date }): Uint8Array {
	const created = options.created ?? new Date();
	const text = (content: string) => csvBytes(content, { bom: false });
	const entries: ZipEntry[] = [
		{ name: 'README.txt', content: text(bundleReadme(data, created, results.length)) },
		{ name: 'data.csv', content: exportCsv(data, options) },
		{ name: 'data.parquet', content: exportParquet(data) },
		{ name: 'dictionary.csv', content: csvBytes(dictionaryCsv(data.columns), options) },
		{ name: 'results.csv', content: csvBytes(resultsCsv(results), options) },
		{ name: 'reproduce.R', content: text(reproduceScript(reproduceTemplate, data.k)) }
	];
	return zipArchive(entries, created);
}
