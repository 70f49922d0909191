/**
 * What each statistic on the pages means, in words a clinic owner reads, with its formula and source. The measures
 * themselves (within-session and across-course change, responders, reliable change, % of normal) are defined in the
 * semantic layer, src/lib/measures/catalogue.ts, with their SQL; the glossary reads both.
 */
export interface StatisticDefinition {
	/** Stable key the pages look a definition up by, e.g. "d_z". */
	key: string;
	/** Name as shown, e.g. "Cohen’s d_z". */
	name: string;
	/** One to three plain sentences: what it says and which way is better. */
	meaning: string;
	/** How it is computed, in one line. */
	formula: string;
	/** Where the method comes from. */
	source: string;
}

const LAKENS = 'Lakens 2013, Front Psychol 4:863 (Table 1 is reproduced by the unit tests)';

export const STATISTICS: readonly StatisticDefinition[] = [
	{
		key: 'mean_ci', name: 'Mean with 95% confidence interval',
		meaning: 'The average, and the range in which the true average plausibly lies given how many clients there are and how much they vary. A narrow interval means a precise estimate.',
		formula: 'mean ± t(0.975, n - 1) × sd / √n', source: 'Student’s t interval (Student 1908, Biometrika 6:1)'
	},
	{
		key: 'd_z', name: 'Cohen’s d_z (standardized response mean)',
		meaning: 'The average change divided by how much the changes vary from client to client: how consistently clients improve. Positive means improvement. It runs larger than d_av for the same data, so the two are never compared.',
		formula: 'mean(change) / sd(change) = t / √n', source: LAKENS
	},
	{
		key: 'd_av', name: 'Cohen’s d_av',
		meaning: 'The average change measured in units of how spread out the scores themselves are, before and after. Positive means improvement; it is usually smaller than d_z and easier to compare with other studies.',
		formula: 'mean(change) / ((sd_pre + sd_post) / 2)', source: LAKENS
	},
	{
		key: 'd_s', name: 'Cohen’s d_s',
		meaning: 'The difference between two separate groups of clients, in units of their common spread. Positive means the first group did better.',
		formula: '(mean_1 - mean_2) / sd_pooled, sd_pooled = √(((n_1 - 1)s_1² + (n_2 - 1)s_2²) / (n_1 + n_2 - 2))', source: LAKENS
	},
	{
		key: 'g_s', name: 'Hedges’ g_s',
		meaning: 'Cohen’s d_s made slightly smaller to correct its overstatement in small groups. Read it the same way: positive means the first group did better.',
		formula: 'd_s × (1 - 3 / (4(n_1 + n_2 - 2) - 1))', source: LAKENS
	},
	{
		key: 'ancova', name: 'Baseline-adjusted comparison (ANCOVA)',
		meaning: 'Compares how groups (e.g. techniques) ended, as if their clients had started at the same score and had the same mix of conditions. Positive means the group ended better than the reference. These are associations in observational data, not effects: clients were not randomized.',
		formula: 'outcome = a + b × group + c × condition + β × baseline, least squares; b with a t-based 95% interval',
		source: 'Vickers & Altman 2001, BMJ 323:1123'
	},
	{
		key: 'case_mix_adjustment', name: 'Case-mix adjusted difference (observed minus expected)',
		meaning: 'How much more (or less) a therapist’s clients improved than clients like them across the clinic: same condition, same course technique, same starting score. Positive means more improvement than expected. An association in observational data, not a measure of skill: clients were not randomized and other differences remain.',
		formula: 'expected end score from one least-squares model over all clients: condition × technique + β × baseline; per therapist, the mean of observed minus expected, with a t-based 95% interval',
		source: 'Indirect standardization as in the NHS PROMs programme: Nuttall, Parkin & Devlin 2015, Health Econ 24:41'
	},
	{
		key: 'holm', name: 'Holm adjustment',
		meaning: 'When many comparisons are shown at once, some look significant by chance. Holm’s method raises the p-values so that the chance of even one false finding stays below 5%.',
		formula: 'i-th smallest of m p-values × (m - i + 1), then made non-decreasing, capped at 1', source: 'Holm 1979, Scand J Stat 6:65'
	},
	{
		key: 'benjamini_hochberg', name: 'Benjamini-Hochberg adjustment',
		meaning: 'A gentler correction for many comparisons: among the findings called significant, at most about 5% are expected to be false.',
		formula: 'i-th smallest of m p-values × m / i, then made non-increasing from the largest, capped at 1',
		source: 'Benjamini & Hochberg 1995, J R Stat Soc B 57:289'
	},
	{
		key: 'unstable', name: 'Unstable estimate',
		meaning: 'Computed from fewer than 20 clients, so it could change a lot with a few more clients. Read it as a hint, not a finding.',
		formula: 'n < 20', source: 'A convention of this dashboard; public health reports flag small-n estimates the same way (e.g. Parker et al. 2017, NCHS Data Presentation Standards for Proportions, Vital Health Stat 2(175))'
	},
	{
		key: 'suppression', name: 'Small-cell suppression',
		meaning: 'Counts, averages and rates from fewer than k clients (11 by default) are hidden so no one can be recognized. Further cells are hidden when a hidden one could otherwise be worked out by subtracting from a total.',
		formula: 'hide a cell with fewer than k clients; secondary suppression until hidden cells together cover at least k clients',
		source: 'IPC Ontario, De-identification Guidelines for Structured Data (2016); PHIPA s. 4(2)'
	},
	{
		key: 'funnel_plot', name: 'Funnel plot',
		meaning: 'Each therapist’s average against their number of clients, with limits that narrow as the number grows. A point outside the limits differs from the clinic more than chance usually explains; inside, differences are likely noise.',
		formula: 'target ± z × sd / √n, z = 1.96 (95%) and 3.09 (99.8%)', source: 'Spiegelhalter 2005, Stat Med 24:1185'
	},
	{
		key: 'mdc', name: 'Minimal detectable change (MDC)',
		meaning: 'The smallest change in a score that is larger than measurement error. Smaller changes cannot be told apart from noise. The share of clients changing by more than the MDC is given with a Wilson 95% interval.',
		formula: 'MDC95 = 1.96 × √2 × SEm (MDC90 uses 1.645); the value and its level are published per instrument or movement',
		source: 'Published per instrument and per movement (see the instrument and movement tables: pain MDC95 1.77 points; cervical 5.4-9.6 degrees, Fletcher & Bandy 2008; shoulder same-rater MDC90 4-8 degrees); Jacobson & Truax 1991'
	},
];

export function statistic(key: string): StatisticDefinition {
	const found = STATISTICS.find((s) => s.key === key);
	if (!found) throw new Error(`invalid statistic: ${key}`);
	return found;
}
