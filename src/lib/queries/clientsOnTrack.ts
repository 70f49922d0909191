import type { Connector, SqlParam } from '$lib/db';
import { expectedCourseSql, expectedScoreSql, expectedSdSql, MEASURES, type Measure, type OnTrackMeasureKey } from '$lib/measures';

/** Which clients the page judges: those seen lately (or all), of a condition, therapist or clinic (null: any). */
export interface OnTrackFilter {
	measure: OnTrackMeasureKey;
	/** Clients whose last session is at most this many weeks before the data's last session; null: every client. */
	activeWeeks: number | null;
	condition: string | null;
	/** The therapist and clinic of the client's latest session. */
	therapist: string | null;
	clinic: string | null;
}

/** A score before a session set against the expected course at that session (null where no reference exists). */
export interface JudgedScore {
	session: number;
	score: number;
	/** Reference clients at that session, their mean and SD; null when no client like them reached it. */
	n: number | null;
	mean: number | null;
	sd: number | null;
}

/** One listed client: who they are (pseudonymous id), where they stand, and their last two scores against the expected. */
export interface ClientOnTrackRow {
	clientId: string;
	condition: string;
	therapist: string | null;
	clinic: string | null;
	sessions: number;
	/** `YYYY-MM-DD` of their last session, or null in data without dates. */
	lastDate: string | null;
	/** Their first score on the measure (null: never scored on it), and its session. */
	startScore: number | null;
	startSession: number | null;
	/** Sessions scored on the measure. */
	scored: number;
	last: JudgedScore | null;
	previous: JudgedScore | null;
}

export function onTrackMeasure(key: OnTrackMeasureKey): Measure {
	const measure = MEASURES.find((m) => m.key === key);
	if (!measure) throw new Error(`invalid measure: ${key}`);
	return measure;
}

const judged = (prefix: string) =>
	['session', 'score', 'n', 'mean', 'sd'].map((c) => `any_value(p.${c}) FILTER (WHERE p.from_last = ${prefix === 'last' ? 1 : 2}) AS ${prefix}_${c}`).join(', ');

function judgedScore(row: Record<string, unknown>, prefix: string): JudgedScore | null {
	const session = row[`${prefix}_session`] as number | null;
	if (session === null || session === undefined) return null;
	const value = (c: string) => (row[`${prefix}_${c}`] as number | null) ?? null;
	return { session: Number(session), score: value('score')!, n: value('n'), mean: value('mean'), sd: value('sd') };
}

/**
 * The listed clients with their last two scores on the measure, each with the expected course at its session
 * (expectedCourseSql). One row per client: the page's verdicts are worked out from these (judgeClient).
 */
export async function queryClientsOnTrack(db: Connector, filter: OnTrackFilter): Promise<{ rows: ClientOnTrackRow[]; lastDate: string | null }> {
	const measure = onTrackMeasure(filter.measure);
	const course = expectedCourseSql(measure);
	const params: SqlParam[] = [...course.params, filter.activeWeeks, filter.activeWeeks, filter.condition, filter.condition, filter.therapist, filter.therapist, filter.clinic, filter.clinic];
	const rows = await db.query(
		`WITH ${course.sql},
		ends AS (SELECT max(session_date) AS end_date FROM session_facts),
		listed AS (
			SELECT s.* FROM seen s, ends
			WHERE (CAST(? AS INTEGER) IS NULL OR ends.end_date IS NULL OR date_diff('day', s.last_date, ends.end_date) <= CAST(? AS INTEGER) * 7)
				AND (CAST(? AS VARCHAR) IS NULL OR CAST(s.condition AS VARCHAR) = ?)
				AND (CAST(? AS VARCHAR) IS NULL OR CAST(s.therapist_id AS VARCHAR) = ?)
				AND (CAST(? AS VARCHAR) IS NULL OR CAST(s.clinic_id AS VARCHAR) = ?)
		),
		points AS (
			SELECT sc.client_id, sc.session_number AS session, sc.score, f.n,
				${expectedScoreSql(measure, 'f', 'st.start_score')} AS mean, ${expectedSdSql('f', 'st.start_score')} AS sd,
				row_number() OVER (PARTITION BY sc.client_id ORDER BY sc.session_number DESC, sc.session_date DESC) AS from_last
			FROM scored sc
			JOIN starts st ON st.client_id = sc.client_id
			LEFT JOIN fits f ON f.condition = st.condition AND f.session = sc.session_number
			WHERE sc.client_id IN (SELECT client_id FROM listed)
		)
		SELECT l.client_id AS client_id, CAST(l.condition AS VARCHAR) AS condition, CAST(l.therapist_id AS VARCHAR) AS therapist,
			CAST(l.clinic_id AS VARCHAR) AS clinic, l.sessions AS sessions, strftime(l.last_date, '%Y-%m-%d') AS last_date,
			any_value(st.start_score) AS start_score, any_value(st.start_session) AS start_session,
			CAST(count(p.session) AS INTEGER) AS scored, ${judged('last')}, ${judged('previous')},
			strftime(any_value(ends.end_date), '%Y-%m-%d') AS end_date
		FROM listed l CROSS JOIN ends
		LEFT JOIN starts st ON st.client_id = l.client_id
		LEFT JOIN points p ON p.client_id = l.client_id AND p.from_last <= 2
		GROUP BY l.client_id, l.condition, l.therapist_id, l.clinic_id, l.sessions, l.last_date
		ORDER BY l.client_id`,
		params
	);
	return {
		lastDate: (rows[0]?.end_date as string | null) ?? null,
		rows: rows.map((r) => ({
			clientId: r.client_id as string,
			condition: r.condition as string,
			therapist: (r.therapist as string | null) ?? null,
			clinic: (r.clinic as string | null) ?? null,
			sessions: Number(r.sessions),
			lastDate: (r.last_date as string | null) ?? null,
			startScore: (r.start_score as number | null) ?? null,
			startSession: r.start_session === null || r.start_session === undefined ? null : Number(r.start_session),
			scored: Number(r.scored),
			last: judgedScore(r, 'last'),
			previous: judgedScore(r, 'previous')
		}))
	};
}

/** One client's course: their scores by session, and the expected course for clients like them at every session. */
export interface ClientCourse {
	clientId: string;
	condition: string;
	startScore: number;
	scores: { session: number; date: string | null; score: number }[];
	expected: { session: number; n: number; mean: number; sd: number }[];
}

/** A client's scores and their expected course (only sessions with at least `minClients` reference clients). */
export async function queryClientCourse(db: Connector, measureKey: OnTrackMeasureKey, clientId: string, minClients: number): Promise<ClientCourse | null> {
	const measure = onTrackMeasure(measureKey);
	const course = expectedCourseSql(measure);
	const scores = await db.query<{ session: number; date: string | null; score: number; condition: string; start_score: number }>(
		`WITH ${course.sql}
		SELECT CAST(sc.session_number AS INTEGER) AS session, strftime(sc.session_date, '%Y-%m-%d') AS date, sc.score,
			CAST(st.condition AS VARCHAR) AS condition, st.start_score
		FROM scored sc JOIN starts st USING (client_id)
		WHERE sc.client_id = ?
		ORDER BY sc.session_number, sc.session_date`,
		[...course.params, clientId]
	);
	if (scores.length === 0) return null;
	const expected = await db.query<{ session: number; n: number; mean: number; sd: number }>(
		`WITH ${course.sql}
		SELECT CAST(f.session AS INTEGER) AS session, f.n, ${expectedScoreSql(measure, 'f', 'st.start_score')} AS mean,
			coalesce(${expectedSdSql('f', 'st.start_score')}, 0) AS sd
		FROM fits f JOIN starts st ON f.condition = st.condition
		WHERE st.client_id = ? AND f.n >= CAST(? AS INTEGER)
		ORDER BY f.session`,
		[...course.params, clientId, minClients]
	);
	return {
		clientId,
		condition: scores[0].condition,
		startScore: scores[0].start_score,
		scores: scores.map(({ session, date, score }) => ({ session: Number(session), date, score })),
		expected: expected.map((e) => ({ session: Number(e.session), n: Number(e.n), mean: e.mean, sd: e.sd }))
	};
}
