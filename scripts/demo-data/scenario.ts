/**
 * The planted effects and each condition's profile: every number a test or the README may check lives here.
 * Pain and stress are 0-10, lower is better; sleep quality is 0-10, higher is better.
 */
import type { Condition } from '../../src/lib/domain/conditions';
import type { Technique } from '../../src/lib/domain/techniques';
import type { AgeBand, BodyRegion, Pressure, Sex } from './types';

export interface CourseTechnique {
	technique: Technique;
	/** Share of the condition's clients whose course uses this technique. */
	share: number;
	/** Planted maximum across-course pain improvement, points, before the therapist effect. */
	pain: number;
	/** Planted maximum stress improvement, points; the condition's value when absent. */
	stress?: number;
	/** Planted maximum sleep-quality improvement, points; the condition's value when absent. */
	sleep?: number;
}

export interface RomSpec {
	/** Code from ROM_MOVEMENTS. */
	movement: string;
	/** True intake value, degrees (mean and SD across clients). */
	intakeMean: number;
	intakeSd: number;
	/** left_and_right: both sides measured; affected: one side per client; bilateral: one spinal value. */
	sides: 'left_and_right' | 'affected' | 'bilateral';
}

export interface ConditionProfile {
	/** Share of all clients (allocated exactly, so small conditions keep their size). */
	share: number;
	/** Mean true baseline pain, stress and sleep quality (SD across clients: BASELINE_SD). */
	pain: number;
	stress: number;
	sleep: number;
	/** Maximum across-course stress and sleep improvement unless the course technique says otherwise. */
	stressImprovement: number;
	sleepImprovement: number;
	/** The outcome a client judges progress by: it moves the drop-out risk. */
	primaryOutcome: 'pain' | 'stress' | 'sleep';
	regions: Partial<Record<BodyRegion, number>>;
	rom: RomSpec[];
	techniques: CourseTechnique[];
	ageBands?: Partial<Record<AgeBand, number>>;
	sexes?: Partial<Record<Sex, number>>;
}

const cervicalRotation: RomSpec = { movement: 'cervical_rotation', intakeMean: 55, intakeSd: 8, sides: 'left_and_right' };
const lumbarFlexion: RomSpec = { movement: 'lumbar_flexion', intakeMean: 60, intakeSd: 10, sides: 'bilateral' };
const shoulderFlexion: RomSpec = { movement: 'shoulder_flexion', intakeMean: 130, intakeSd: 15, sides: 'affected' };
const shoulderAbduction: RomSpec = { movement: 'shoulder_abduction', intakeMean: 120, intakeSd: 18, sides: 'affected' };
const hipFlexion: RomSpec = { movement: 'hip_flexion', intakeMean: 100, intakeSd: 10, sides: 'affected' };

const pain = (pain: number, stress: number, sleep: number) => ({
	pain, stress, sleep, stressImprovement: 1.0, sleepImprovement: 0.5, primaryOutcome: 'pain' as const
});

export const CONDITION_PROFILES: Record<Condition, ConditionProfile> = {
	chronic_low_back_pain: {
		share: 0.175, ...pain(6.0, 4.5, 5.5), regions: { low_back: 70, hip: 15, full_body: 15 }, rom: [lumbarFlexion],
		techniques: [
			{ technique: 'deep_tissue', share: 0.3, pain: 2.5 }, { technique: 'trigger_point', share: 0.25, pain: 2.0 },
			{ technique: 'myofascial_release', share: 0.25, pain: 2.0 }, { technique: 'swedish', share: 0.2, pain: 1.0 }
		]
	},
	neck_pain: {
		share: 0.145, ...pain(5.5, 5.0, 5.5), regions: { neck: 65, upper_back: 25, shoulder: 10 }, rom: [cervicalRotation],
		techniques: [
			{ technique: 'trigger_point', share: 0.3, pain: 2.5 }, { technique: 'myofascial_release', share: 0.25, pain: 2.0 },
			{ technique: 'deep_tissue', share: 0.25, pain: 1.5 }, { technique: 'swedish', share: 0.2, pain: 1.0 }
		]
	},
	shoulder: {
		share: 0.09, ...pain(5.5, 4.5, 5.5), regions: { shoulder: 75, upper_back: 15, arms: 10 },
		rom: [shoulderFlexion, shoulderAbduction],
		techniques: [
			{ technique: 'trigger_point', share: 0.25, pain: 2.0 }, { technique: 'myofascial_release', share: 0.25, pain: 2.0 },
			{ technique: 'stretching_pnf', share: 0.25, pain: 2.0 }, { technique: 'deep_tissue', share: 0.25, pain: 1.5 }
		]
	},
	tension_headache: {
		share: 0.08, ...pain(5.5, 5.5, 5.5), regions: { neck: 50, head: 35, upper_back: 15 }, rom: [],
		techniques: [
			{ technique: 'trigger_point', share: 0.4, pain: 3.0 }, { technique: 'swedish', share: 0.3, pain: 1.5 },
			{ technique: 'myofascial_release', share: 0.3, pain: 2.0 }
		]
	},
	fibromyalgia: {
		share: 0.06, ...pain(6.5, 5.5, 4.0), sleepImprovement: 1.0, regions: { full_body: 80, upper_back: 10, low_back: 10 }, rom: [],
		ageBands: { '30-39': 20, '40-49': 30, '50-59': 30, '60-69': 15, '70-79': 5 }, sexes: { female: 85, male: 13, other: 2 },
		techniques: [
			{ technique: 'swedish', share: 0.35, pain: 1.5 }, { technique: 'myofascial_release', share: 0.3, pain: 1.5 },
			{ technique: 'lymphatic_drainage', share: 0.2, pain: 1.0 }, { technique: 'deep_tissue', share: 0.15, pain: 0.3 }
		]
	},
	osteoarthritis: {
		share: 0.045, ...pain(5.5, 4.0, 5.5), regions: { legs: 35, hip: 30, arms: 15, full_body: 20 }, rom: [],
		ageBands: { '40-49': 10, '50-59': 25, '60-69': 35, '70-79': 22, '80+': 8 },
		techniques: [
			{ technique: 'swedish', share: 0.4, pain: 1.0 }, { technique: 'myofascial_release', share: 0.3, pain: 1.2 },
			{ technique: 'hydrotherapy', share: 0.3, pain: 1.2 }
		]
	},
	repetitive_strain: {
		share: 0.055, ...pain(5.0, 4.5, 6.0), regions: { arms: 60, shoulder: 20, neck: 20 }, rom: [],
		techniques: [
			{ technique: 'trigger_point', share: 0.35, pain: 2.0 }, { technique: 'myofascial_release', share: 0.35, pain: 2.0 },
			{ technique: 'remedial_exercise', share: 0.3, pain: 1.5 }
		]
	},
	sports_injury: {
		share: 0.065, ...pain(5.0, 3.5, 6.0), regions: { legs: 60, hip: 20, shoulder: 10, low_back: 10 }, rom: [hipFlexion],
		ageBands: { '18-29': 35, '30-39': 30, '40-49': 20, '50-59': 10, '60-69': 5 }, sexes: { female: 45, male: 53, other: 2 },
		techniques: [
			{ technique: 'sports', share: 0.4, pain: 2.5 }, { technique: 'deep_tissue', share: 0.3, pain: 2.0 },
			{ technique: 'stretching_pnf', share: 0.3, pain: 2.0 }
		]
	},
	mva_injury: {
		share: 0.045, ...pain(6.0, 5.5, 5.0), regions: { neck: 45, upper_back: 30, low_back: 25 }, rom: [],
		techniques: [
			{ technique: 'myofascial_release', share: 0.35, pain: 2.0 }, { technique: 'trigger_point', share: 0.35, pain: 2.0 },
			{ technique: 'swedish', share: 0.3, pain: 1.2 }
		]
	},
	post_surgical: {
		share: 0.045, ...pain(5.5, 4.5, 5.0), regions: { legs: 40, shoulder: 30, arms: 15, hip: 15 }, rom: [],
		techniques: [
			{ technique: 'lymphatic_drainage', share: 0.6, pain: 2.0 }, { technique: 'myofascial_release', share: 0.4, pain: 2.0 }
		]
	},
	anxiety_stress: {
		share: 0.075, pain: 3.0, stress: 7.0, sleep: 4.5, stressImprovement: 1.5, sleepImprovement: 1.0, primaryOutcome: 'stress',
		regions: { full_body: 70, neck: 15, head: 15 }, rom: [],
		techniques: [
			{ technique: 'swedish', share: 0.75, pain: 0.5, stress: 3.0 }, { technique: 'hydrotherapy', share: 0.25, pain: 0.5 }
		]
	},
	insomnia: {
		share: 0.05, pain: 2.5, stress: 5.5, sleep: 3.0, stressImprovement: 1.5, sleepImprovement: 1.5, primaryOutcome: 'sleep',
		regions: { full_body: 80, head: 10, neck: 10 }, rom: [],
		techniques: [
			{ technique: 'swedish', share: 0.75, pain: 0.3, sleep: 2.5 }, { technique: 'hydrotherapy', share: 0.25, pain: 0.3 }
		]
	},
	hypertension: {
		share: 0.01, pain: 2.5, stress: 5.5, sleep: 5.5, stressImprovement: 1.5, sleepImprovement: 0.5, primaryOutcome: 'stress',
		regions: { full_body: 90, neck: 10 }, rom: [], ageBands: { '40-49': 15, '50-59': 30, '60-69': 35, '70-79': 15, '80+': 5 },
		techniques: [{ technique: 'swedish', share: 0.8, pain: 0.3 }, { technique: 'hydrotherapy', share: 0.2, pain: 0.3 }]
	},
	prenatal: {
		share: 0.042, ...pain(4.5, 4.5, 4.5), regions: { low_back: 50, full_body: 40, hip: 10 }, rom: [],
		ageBands: { '18-29': 30, '30-39': 58, '40-49': 12 }, sexes: { female: 1 },
		techniques: [{ technique: 'prenatal', share: 1, pain: 1.5 }]
	},
	general_wellness: {
		share: 0.042, pain: 2.0, stress: 4.5, sleep: 6.0, stressImprovement: 1.0, sleepImprovement: 0.5, primaryOutcome: 'stress',
		regions: { full_body: 80, neck: 10, upper_back: 10 }, rom: [],
		techniques: [{ technique: 'swedish', share: 0.7, pain: 0.3 }, { technique: 'deep_tissue', share: 0.3, pain: 0.5 }]
	},
	other: {
		share: 0.01, ...pain(4.0, 4.5, 5.5), regions: { full_body: 40, legs: 20, arms: 20, upper_back: 20 }, rom: [],
		techniques: [{ technique: 'swedish', share: 0.5, pain: 1.0 }, { technique: 'deep_tissue', share: 0.5, pain: 1.0 }]
	}
};

/** Added to the max pain improvement of every client whose home therapist this is (others: 0). */
export const THERAPIST_PAIN_EFFECT: Readonly<Record<string, number>> = { T07: 0.8, T03: -0.5 };

/** SD of the true baselines across clients, and of the noise on each observed score. */
export const BASELINE_SD = { pain: 1.3, stress: 1.5, sleep: 1.5 };
export const MEASUREMENT_SD = { pain: 1.0, stress: 1.0, sleep: 1.0, romDegrees: 3 };

/** Improvement at session s is max * (1 - exp(-(s - 1) / timeConstant)). */
export const COURSE = {
	timeConstant: 3,
	romMaxGainShareOfNormal: 0.15,
	romTimeConstant: 4,
	romFastTimeConstant: 2,
	romFastTechniques: ['myofascial_release', 'stretching_pnf'] as readonly Technique[]
};

/** Pain drop ~ Normal(mean + perPointAbove5 * (pre - 5), sd), unless the session flares; post sleep equals pre sleep. */
export const WITHIN_SESSION = {
	painDropMean: 1.5, painDropPerPointAbove5: 0.2, painDropSd: 0.8,
	stressDropMean: 1.2, stressDropSd: 0.8,
	romGainMean: 3, romGainSd: 2
};

/**
 * Soreness after deep work: with this chance by the session's pressure, pain after the session is higher than before
 * (by a rise drawn from [points, weight], capped at 10) instead of dropping.
 */
export const FLARE: { chanceByPressure: Record<Pressure, number>; rise: readonly (readonly [number, number])[] } = {
	chanceByPressure: { light: 0.01, moderate: 0.04, firm: 0.09, deep: 0.15 },
	rise: [[1, 65], [2, 28], [3, 7]]
};

/**
 * Chance of stopping after session s (index s - 1), multiplied by 1 - perPointImproved * (points the primary outcome
 * improved since session 1), kept within [min, max]. After a first visit many do not return; then the chance rises
 * a little each session from the 7th as plans of care end, so course length is right-skewed and few reach the cap.
 */
export const DROPOUT = {
	hazardAfterSession: [0.14, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.21],
	perPointImproved: 0.12, minMultiplier: 0.5, maxMultiplier: 1.3,
	maxSessions: 20
};

/**
 * A planted group whose pain stops improving part-way through the course (what the "Clients not on track" page is
 * there to find). Candidates: clients of conditions judged by pain whose course is still running in the data's last
 * `stillComingDays` days, with at least `stallAfter + sessionsAfter` sessions. Each is chosen with chance `share`,
 * with `stallAfter` drawn from `firstSession`..`lastSession`, by a random stream of its own. From session
 * `stallAfter` on, a chosen client's true pain no longer falls: it climbs back by `driftPerSession` points a session,
 * to at most `aboveStart` points above where it started. Their attendance is as it would have been without the
 * stall, so every session, and every other client's rows, are as without the group: only these clients' pain differs.
 */
export const STALL = {
	share: 0.25, firstSession: 2, lastSession: 4, sessionsAfter: 3, stillComingDays: 42, driftPerSession: 0.75, aboveStart: 2
};

/** Share of rows removed at random: rom rows (pre and post), sleep rows (pre and post), other post rows. */
export const MISSING = { post: 0.02, sleep: 0.03, rom: 0.04 };
