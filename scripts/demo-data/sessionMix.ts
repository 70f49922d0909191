/** Who works where, when clients come, and what a session looks like: the parts that carry no planted effect. */
import type { Technique } from '../../src/lib/domain/techniques';
import { CLINIC_IDS, type AgeBand, type Pressure, type Sex, type TherapistRow } from './types';

/** T01-T04 north, T05-T08 central, T09-T12 west. */
export const THERAPISTS: readonly TherapistRow[] = Array.from({ length: 12 }, (_, i) => ({
	therapist_id: `T${String(i + 1).padStart(2, '0')}`,
	clinic_id: CLINIC_IDS[Math.floor(i / 4)]
}));

export const DEFAULT_AGE_BANDS: Record<AgeBand, number> = {
	'18-29': 12, '30-39': 18, '40-49': 22, '50-59': 21, '60-69': 15, '70-79': 9, '80+': 3
};
export const DEFAULT_SEXES: Record<Sex, number> = { female: 68, male: 30, other: 2 };

/** New clients per day grow linearly over the window, ending at (1 + growth) times the first day's rate. */
export const INTAKE_GROWTH: number = 0.3;

/** Days between sessions: a base of 1-3 weeks plus a jitter of up to two days either way, within 7-21. */
export const GAP_WEEKS: readonly (readonly [number, number])[] = [[1, 50], [2, 35], [3, 15]];
export const GAP_JITTER_DAYS = 2;

/** Session 1 is always with the home therapist; later sessions are, with this probability. */
export const HOME_THERAPIST_SHARE = 0.78;
/** Share of sessions whose primary technique is the client's course technique (session 1 always is). */
export const COURSE_TECHNIQUE_SHARE = 0.85;
/** Share of sessions that add one or two other techniques. */
export const OTHER_TECHNIQUES_SHARE = 0.3;
/** Techniques often added to any course, besides the condition's own. */
export const ADJUNCT_TECHNIQUES: readonly Technique[] = ['stretching_pnf', 'hydrotherapy', 'remedial_exercise'];
/** Share of sessions on the client's usual body region; the rest draw from the condition's regions. */
export const USUAL_REGION_SHARE = 0.8;

export const DURATIONS: readonly (readonly [number, number])[] = [[30, 5], [45, 14], [60, 58], [75, 8], [90, 15]];

export const PRESSURE_BY_TECHNIQUE: Record<Technique, Partial<Record<Pressure, number>>> = {
	swedish: { light: 30, moderate: 60, firm: 10 },
	deep_tissue: { moderate: 5, firm: 45, deep: 50 },
	trigger_point: { moderate: 30, firm: 50, deep: 20 },
	myofascial_release: { light: 20, moderate: 50, firm: 30 },
	sports: { moderate: 30, firm: 50, deep: 20 },
	lymphatic_drainage: { light: 100 },
	prenatal: { light: 40, moderate: 60 },
	stretching_pnf: { moderate: 60, firm: 40 },
	hydrotherapy: { light: 70, moderate: 30 },
	remedial_exercise: { moderate: 70, firm: 30 },
	other: { light: 20, moderate: 60, firm: 20 }
};
