import { instrument } from '$lib/domain/instruments';
import { statistic } from '$lib/domain/statistics';
import { CLIENTS_SQL, SESSIONS_SQL } from './counts';
import { COURSE_COHORT_SQL, courseRowsSql } from './course';
import { EXPECTED_COURSE, expectedCourseSql, expectedScoreSql, expectedSdSql } from './expectedCourse';
import { NO_FILTER } from './filter';
import { MEASURES } from './outcomes';
import { responderCountsSql } from './responder';
import { percentOfNormalSql } from './romPercent';
import { TOLERANCE_SHARE_OF_RESOLUTION } from './tolerance';
import { withinSessionChangeSql, withinSessionSummarySql } from './withinSession';

/** Who one value of a measure stands for. */
export type Weighting = 'per client' | 'per session' | 'count of sessions' | 'count of clients';

/** A measure the app shows, defined once: the pages, the report, the exports and the data dictionary read it. */
export interface MeasureDefinition {
	key: string;
	/** The name every page uses for it. */
	name: string;
	/** What it says, in one to three plain sentences (the pages' glossary shows it). */
	meaning: string;
	/** Unit of a value, e.g. "the outcome's points" or "% of clients". */
	unit: string;
	/** Which way is better. */
	direction: string;
	weighting: Weighting;
	/** In words a clinic owner reads, one line. */
	formula: string;
	source: string;
	/** The SQL it compiles to, shown for pain (0-10); every page's query is generated from the same function. */
	sql: string;
}

/** A way of grouping clients the app uses, defined once. */
export interface CohortDefinition {
	key: string;
	name: string;
	meaning: string;
	sql: string;
}

const pain = MEASURES.find((m) => m.key === 'pain')!;
const tidy = (sql: string) => sql.replace(/\s+/g, ' ').trim();
// The responder counts as compiled for pain: points eligible, points responders, % rule responders, reliable.
const responderSql = responderCountsSql({ points: 2, share: 0.3, reliable: 1.77 }, instrument('pain_nrs')).sql.split(',\n').map(tidy);

export const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
	{
		key: 'within_session_change', name: 'Within-session change',
		meaning: 'How much a score improved from just before to just after one visit. Positive means better. Each client counts once, with the mean of their visits. It shows immediate relief, not lasting benefit, so it is never pooled with across-course change.',
		unit: 'the outcome’s points (ROM: % of normal)',
		direction: 'positive = better after the session than before', weighting: 'per client',
		formula: 'per session: post - pre, sign flipped where lower is better; then each client’s mean over their sessions; then the mean over clients (n = clients)',
		source: 'Sign convention and per-client weighting: Lakens 2013, Front Psychol 4:863; clients, not sessions, are the unit (Bland & Altman 1994, BMJ 308:896)',
		sql: tidy(`${withinSessionChangeSql(pain)} → ${withinSessionSummarySql(pain, NO_FILTER).sql}`)
	},
	{
		key: 'across_course_change', name: 'Across-course change',
		meaning: 'How much a client’s score improved from the start of their course of treatment (their first scored visit) to its end (their last scored visit). Positive means better. One visit is not a course.',
		unit: 'the outcome’s points',
		direction: 'positive = better at the end of the course than at its start', weighting: 'per client',
		formula: 'end - baseline, sign flipped where lower is better; baseline = score before the first scored session; end = before (or after) the last scored session, which must be a later one',
		source: 'Never pooled with within-session change (Lakens 2013); end points as in the course cohort below',
		sql: tidy(courseRowsSql(pain, 'last_pre').sql)
	},
	{
		key: 'responder_rate', name: 'Responder rate (MCID)',
		meaning: 'The share of clients whose improvement over their course reached the smallest change patients notice as meaningful (the MCID), among those who started high enough to improve that much. The interval shows the plausible range of the true share.',
		unit: '% of clients with room to improve by the MCID',
		direction: 'higher is better', weighting: 'per client',
		formula: `change ≥ MCID (points), clients with change ≥ MCID / clients with room for it, Wilson score 95% interval; counted over courses whose baseline leaves room to improve by the MCID; a change within ${TOLERANCE_SHARE_OF_RESOLUTION} × the instrument’s resolution of the threshold reaches it`,
		source: 'MCID per instrument (instrument table; pain: Farrar et al. 2001, Pain 94:149); Wilson 1927, JASA 22:209; Newcombe 1998, Stat Med 17:857',
		sql: `${responderSql[0]}, ${responderSql[1]}`
	},
	{
		key: 'responder_percent', name: 'Responder rate (30% rule)',
		meaning: 'The share of clients who improved by at least the instrument’s percentage of what they could improve (30% for pain). A client who started at the best score cannot improve and is never counted as a responder.',
		unit: '% of clients',
		direction: 'higher is better', weighting: 'per client',
		formula: 'change ≥ share × room to improve, over courses with some room: a course from 0 (0 → 0) is never a responder',
		source: 'Farrar et al. 2001 (30% of baseline pain); Eskildsen et al. 2015 (PSS-10: 28%)',
		sql: responderSql[2]
	},
	{
		key: 'reliable_change', name: 'Reliable improvement',
		meaning: 'A change bigger than what measurement error alone would produce 95% of the time. A client with reliable improvement has very likely truly changed, whether or not the change matters to them.',
		unit: '% of clients',
		direction: 'higher is better', weighting: 'per client',
		formula: 'change > 1.96 × S_diff, S_diff = √2 × SEm, SEm = sd_baseline × √(1 - r_xx); or change > the published MDC95',
		source: 'Jacobson & Truax 1991, J Consult Clin Psychol 59:12',
		sql: responderSql[3]
	},
	{
		key: 'percent_of_normal', name: 'Range of motion, % of normal',
		meaning: 'A joint’s measured range of motion as a share of the typical full range for that movement, e.g. 90° of 180° shoulder flexion is 50%. Higher is better, up to 100%.',
		unit: '% of the movement’s normal range',
		direction: 'higher is better, up to 100%', weighting: 'per client',
		formula: 'degrees / normal degrees × 100, averaged over a session’s movements and sides; clients’ sides pooled as their mean',
		source: 'Normal ranges from AAOS-style tables (movement table)',
		sql: percentOfNormalSql('value')
	},
	{
		key: 'expected_course', name: 'Expected course',
		meaning: 'What a client’s score before each session is expected to be, from the clinic’s own clients with the same condition and a similar starting score, with a band of usual variation. A client whose last two scores fall behind it is listed as not on track.',
		unit: 'the outcome’s points',
		direction: 'a score at or better than expected is on track', weighting: 'per client',
		formula: `per condition and session number: least-squares line of score on starting score; expected = the line at the client’s start; band = expected ± ${EXPECTED_COURSE.bandZ} × prediction SD (at least ${EXPECTED_COURSE.minSd}); needs ${EXPECTED_COURSE.minClients} clients (and k) at that session; not on track = last two scores worse than expected and on average beyond the band, from session ${EXPECTED_COURSE.firstJudgedSession}`,
		source: 'Expected recovery curves: Finch, Lambert & Schaalje 2001, Clin Psychol Psychother 8:231; feedback on clients not on track: Shimokawa, Lambert & Smart 2010, J Consult Clin Psychol 78:298',
		sql: tidy(`${expectedCourseSql(pain).sql} → ${expectedScoreSql(pain, 'f', 'start_score')} ± ${EXPECTED_COURSE.bandZ} × ${expectedSdSql('f', 'start_score')}`)
	},
	{
		key: 'sessions', name: 'Sessions', meaning: 'How many visits the selection holds.', unit: 'sessions', direction: 'a count', weighting: 'count of sessions',
		formula: 'every session in the selection', source: 'The sessions table', sql: SESSIONS_SQL
	},
	{
		key: 'clients', name: 'Clients', meaning: 'How many different clients the selection holds; each client counts once however often they came.', unit: 'clients', direction: 'a count', weighting: 'count of clients',
		formula: 'distinct clients with a session in the selection; small groups are suppressed by this count', source: 'The sessions table',
		sql: CLIENTS_SQL
	}
];

export const COHORT_DEFINITIONS: readonly CohortDefinition[] = [
	{
		key: 'course', name: 'Course',
		meaning: 'A client’s sessions from the first to the last, described by the first session. With a month range, the course as it stood at the range’s end, for clients seen in the range, from their first score ever.',
		sql: tidy(COURSE_COHORT_SQL)
	},
	{ key: 'course_technique', name: 'Course technique', meaning: 'The primary technique of the client’s first session.', sql: 'arg_min(primary_technique, session_number)' },
	{ key: 'home_therapist', name: 'Home therapist', meaning: 'The therapist of the client’s first session.', sql: 'arg_min(therapist_id, session_number)' },
	{ key: 'start_month', name: 'Start month', meaning: 'The month of the client’s first session.', sql: 'min(month)' }
];

/** What a glossary shows for a term. */
export interface GlossaryEntry {
	key: string;
	name: string;
	meaning: string;
	formula: string;
	source: string;
}

/** A glossary term: a measure of the semantic layer, or a statistic (domain/statistics.ts). */
export function glossaryEntry(key: string): GlossaryEntry {
	return MEASURE_DEFINITIONS.find((m) => m.key === key) ?? statistic(key);
}
