/** Each client's course read back from the published tables: scores by session number, for measuring effects. */
import type { DemoData, MeasurementRow } from './types';

type Series = { pre: (number | undefined)[]; post: (number | undefined)[] };

export interface CourseSummary {
	client_id: string;
	condition: string;
	/** Primary technique of session 1. */
	courseTechnique: string;
	/** Therapist of session 1. */
	homeTherapist: string;
	sessions: number;
	/** Scores by session number (index 0 is session 1); undefined where the row is missing. */
	pain: Series;
	stress: Series;
	sleep: Series;
	/** Keyed "movement side". */
	rom: Map<string, Series>;
}

const emptySeries = (): Series => ({ pre: [], post: [] });

export function summarizeCourses(data: DemoData): CourseSummary[] {
	const byClient = new Map<string, CourseSummary>();
	for (const client of data.clients) {
		byClient.set(client.client_id, {
			client_id: client.client_id, condition: client.primary_condition, courseTechnique: '', homeTherapist: '',
			sessions: 0, pain: emptySeries(), stress: emptySeries(), sleep: emptySeries(), rom: new Map()
		});
	}
	const sessionIndex = new Map<string, { summary: CourseSummary; i: number }>();
	for (const s of data.sessions) {
		const summary = byClient.get(s.client_id)!;
		summary.sessions = Math.max(summary.sessions, s.session_number);
		if (s.session_number === 1) {
			summary.courseTechnique = s.primary_technique;
			summary.homeTherapist = s.therapist_id;
		}
		sessionIndex.set(s.session_id, { summary, i: s.session_number - 1 });
	}
	const seriesFor = (m: MeasurementRow, summary: CourseSummary): Series => {
		if (m.instrument === 'pain_nrs') return summary.pain;
		if (m.instrument === 'stress_nrs') return summary.stress;
		if (m.instrument === 'sleep_nrs') return summary.sleep;
		const key = `${m.rom_movement} ${m.side}`;
		if (!summary.rom.has(key)) summary.rom.set(key, emptySeries());
		return summary.rom.get(key)!;
	};
	for (const m of data.measurements) {
		const { summary, i } = sessionIndex.get(m.session_id)!;
		seriesFor(m, summary)[m.timepoint][i] = m.value;
	}
	return [...byClient.values()];
}

export const first = (values: (number | undefined)[]) => values[0];
export const last = (values: (number | undefined)[], sessions: number) => values[sessions - 1];

export function mean(values: number[]): number {
	return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
