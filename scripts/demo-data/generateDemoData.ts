/** The whole synthetic data set, from a seed: clients, therapists, sessions and measurements. */
import type { ClientTruth } from './clientTruth';
import { isoDate } from './calendar';
import { simulateCourse, type SimulatedCourse } from './course';
import { measurementRows } from './measurementRows';
import { planClients } from './population';
import { createRandom } from './random';
import { THERAPISTS } from './sessionMix';
import type { DemoData, DemoDataOptions, MeasurementRow, SessionRow } from './types';

export const DEFAULT_DEMO_DATA_OPTIONS: DemoDataOptions = { seed: 15, clients: 1900 };

export interface SimulatedDemoData {
	data: DemoData;
	/** The hidden truth per client_id, for measuring what the noise and drop-out did to the planted effects. */
	truth: Map<string, ClientTruth>;
	courses: SimulatedCourse[];
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
	const courses = planClients(options.clients, populationRng).map((client) => simulateCourse(client, courseRng.fork()));

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
