/** The whole synthetic data set, from a seed: clients, therapists, sessions and measurements. */
import type { ClientTruth } from './clientTruth';
import { isoDate, LAST_DAY } from './calendar';
import { simulateCourse, type SimulatedCourse } from './course';
import { measurementRows } from './measurementRows';
import { planClients } from './population';
import { createRandom, type Random } from './random';
import { CONDITION_PROFILES, STALL } from './scenario';
import { THERAPISTS } from './sessionMix';
import type { DemoData, DemoDataOptions, MeasurementRow, SessionRow } from './types';

export const DEFAULT_DEMO_DATA_OPTIONS: DemoDataOptions = { seed: 15, clients: 1900 };

export interface SimulatedDemoData {
	data: DemoData;
	/** The hidden truth per client_id, for measuring what the noise and drop-out did to the planted effects. */
	truth: Map<string, ClientTruth>;
	courses: SimulatedCourse[];
}

/**
 * Whether a client is of the planted group whose pain stops improving (STALL), and after which session: among
 * clients of conditions judged by pain whose course is still running in the data's last weeks and long enough to
 * show it. Every client takes the same draws, so the choice of one leaves the others' as they are.
 */
function drawStall(planned: SimulatedCourse, rng: Random): number | null {
	const chosen = rng.chance(STALL.share);
	const after = rng.integer(STALL.firstSession, STALL.lastSession);
	const { client, sessions } = planned;
	const judgedByPain = CONDITION_PROFILES[client.row.primary_condition].primaryOutcome === 'pain';
	const stillComing = sessions.length > 0 && sessions[sessions.length - 1].day > LAST_DAY - STALL.stillComingDays;
	return chosen && judgedByPain && stillComing && sessions.length >= after + STALL.sessionsAfter ? after : null;
}

/** The planted group's record: client id → the last session their pain improved at (the generator's own truth). */
export function stalledClients(simulated: SimulatedDemoData): Map<string, number> {
	return new Map([...simulated.truth].flatMap(([id, t]) => (t.stallAfter === null ? [] : [[id, t.stallAfter] as const])));
}

function checkOptions({ seed, clients }: DemoDataOptions): void {
	if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed} (an integer is needed)`);
	if (!Number.isInteger(clients) || clients < 1 || clients > 100_000) {
		throw new Error(`invalid clients: ${clients} (a whole number from 1 to 100000)`);
	}
}

export function simulateDemoData(options: DemoDataOptions): SimulatedDemoData {
	checkOptions(options);
	const root = createRandom(options.seed);
	const populationRng = root.fork();
	const courseRng = root.fork();
	const missingRng = root.fork();
	const stallRng = root.fork();
	const courses = planClients(options.clients, populationRng).map((client) => {
		// The same stream twice: the client's course as planned, then, if they are of the planted group, with the
		// stall (the draws are the same, so only their pain scores differ).
		const seed = Math.floor(courseRng.uniform() * 4294967296);
		const planned = simulateCourse(client, createRandom(seed));
		const stallAfter = drawStall(planned, stallRng);
		return stallAfter === null ? planned : simulateCourse(client, createRandom(seed), stallAfter);
	});

	// Numbered in date order; on the same day, clients in order of their first visit.
	const dated = courses.flatMap((course, order) => course.sessions.map((session) => ({ session, order })));
	dated.sort((a, b) => a.session.day - b.session.day || a.order - b.order);

	const sessions: SessionRow[] = [];
	const measurements: MeasurementRow[] = [];
	dated.forEach(({ session }, i) => {
		const session_id = `S${String(i + 1).padStart(6, '0')}`;
		const { client_id, therapist_id, clinic_id, session_number, ...rest } = session.details;
		sessions.push({ session_id, client_id, therapist_id, clinic_id, session_date: isoDate(session.day), session_number, ...rest });
		measurements.push(...measurementRows(session_id, session.scores, missingRng));
	});

	const clients = courses.map((c) => c.client.row).sort((a, b) => (a.client_id < b.client_id ? -1 : 1));
	return {
		data: { clients, therapists: THERAPISTS.map((t) => ({ ...t })), sessions, measurements },
		truth: new Map(courses.map((c) => [c.client.row.client_id, c.truth])),
		courses
	};
}

/** Pure: the same options always give the same rows. */
export function generateDemoData(options: DemoDataOptions): DemoData {
	return simulateDemoData(options).data;
}
