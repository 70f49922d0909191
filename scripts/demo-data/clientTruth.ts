/** Each client's hidden truth: baselines and how far and how fast each outcome can improve over the course. */
import { ROM_MOVEMENTS } from '../../src/lib/domain/romMovements';
import type { PlannedClient } from './population';
import type { Random } from './random';
import { BASELINE_SD, CONDITION_PROFILES, COURSE, STALL, THERAPIST_PAIN_EFFECT, type RomSpec } from './scenario';
import type { Side } from './types';

export interface RomTruth {
	movement: string;
	side: Side;
	normal: number;
	/** True value at session 1, degrees. */
	intake: number;
	maxGain: number;
	timeConstant: number;
}

export interface ClientTruth {
	/** True baseline pain, stress and sleep quality (clipped to 0-10). */
	painBaseline: number;
	stressBaseline: number;
	sleepBaseline: number;
	/** Planted maximum course improvements, points (pain includes the home therapist's effect). */
	maxPainImprovement: number;
	maxStressImprovement: number;
	maxSleepImprovement: number;
	rom: RomTruth[];
	/** The last session pain improved at, for a client of the planted group who stops improving (STALL); else null. */
	stallAfter: number | null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Share of the maximum improvement reached by session s: 0 at session 1, approaching 1. */
export function courseFraction(sessionNumber: number, timeConstant: number): number {
	return 1 - Math.exp(-(sessionNumber - 1) / timeConstant);
}

/** True pain at session s had the client kept improving (the course their attendance follows). */
export const plannedPain = (t: ClientTruth, s: number) =>
	clamp(t.painBaseline - t.maxPainImprovement * courseFraction(s, COURSE.timeConstant), 0, 10);

/** True pain at session s: the planned course, or for the planted group the stall and drift back after stallAfter. */
export function truePain(t: ClientTruth, s: number): number {
	if (t.stallAfter === null || s <= t.stallAfter) return plannedPain(t, s);
	const ceiling = Math.min(10, plannedPain(t, 1) + STALL.aboveStart);
	return Math.min(ceiling, plannedPain(t, t.stallAfter) + STALL.driftPerSession * (s - t.stallAfter));
}
export const trueStress = (t: ClientTruth, s: number) =>
	clamp(t.stressBaseline - t.maxStressImprovement * courseFraction(s, COURSE.timeConstant), 0, 10);
export const trueSleep = (t: ClientTruth, s: number) =>
	clamp(t.sleepBaseline + t.maxSleepImprovement * courseFraction(s, COURSE.timeConstant), 0, 10);
export const trueRom = (r: RomTruth, s: number) =>
	Math.min(r.normal, r.intake + r.maxGain * courseFraction(s, r.timeConstant));

function normalDegrees(movement: string): number {
	const found = ROM_MOVEMENTS.find((m) => m.code === movement);
	if (!found) throw new Error(`invalid rom movement: ${movement}`);
	return found.normal_degrees;
}

function drawRom(spec: RomSpec, client: PlannedClient, rng: Random): RomTruth[] {
	const normal = normalDegrees(spec.movement);
	const fast = COURSE.romFastTechniques.includes(client.courseTechnique);
	const timeConstant = fast ? COURSE.romFastTimeConstant : COURSE.romTimeConstant;
	const clientIntake = rng.normal(spec.intakeMean, spec.intakeSd);
	const sides: Side[] =
		spec.sides === 'left_and_right' ? ['left', 'right'] : spec.sides === 'bilateral' ? ['bilateral'] : [client.affectedSide];
	return sides.map((side) => ({
		movement: spec.movement,
		side,
		normal,
		intake: clamp(clientIntake + (sides.length > 1 ? rng.normal(0, 3) : 0), 0.3 * normal, normal),
		maxGain: COURSE.romMaxGainShareOfNormal * normal,
		timeConstant
	}));
}

export function drawClientTruth(client: PlannedClient, rng: Random, stallAfter: number | null = null): ClientTruth {
	const profile = CONDITION_PROFILES[client.row.primary_condition];
	const course = profile.techniques.find((t) => t.technique === client.courseTechnique);
	if (!course) throw new Error(`invalid course technique for ${client.row.primary_condition}: ${client.courseTechnique}`);
	const therapistEffect = THERAPIST_PAIN_EFFECT[client.home.therapist_id] ?? 0;
	return {
		painBaseline: clamp(rng.normal(profile.pain, BASELINE_SD.pain), 0, 10),
		stressBaseline: clamp(rng.normal(profile.stress, BASELINE_SD.stress), 0, 10),
		sleepBaseline: clamp(rng.normal(profile.sleep, BASELINE_SD.sleep), 0, 10),
		// Worsening is not modelled: a negative therapist effect can only take the improvement down to 0.
		maxPainImprovement: Math.max(0, course.pain + therapistEffect),
		maxStressImprovement: course.stress ?? profile.stressImprovement,
		maxSleepImprovement: course.sleep ?? profile.sleepImprovement,
		rom: profile.rom.flatMap((spec) => drawRom(spec, client, rng)),
		stallAfter
	};
}
