/** What is observed at one session: the truth plus measurement noise, then the within-session change. */
import { plannedPain, truePain, trueRom, trueSleep, trueStress, type ClientTruth } from './clientTruth';
import type { Random } from './random';
import { FLARE, MEASUREMENT_SD, WITHIN_SESSION } from './scenario';
import type { Pressure, Side } from './types';

export interface PrePost {
	pre: number;
	post: number;
}

export interface RomScore extends PrePost {
	movement: string;
	side: Side;
}

export interface SessionScores {
	pain: PrePost;
	/** Pain before the session had the client kept to their planned course (the same noise): drop-out reads it. */
	plannedPainPre: number;
	stress: PrePost;
	sleep: PrePost;
	rom: RomScore[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A 0-10 rating of a true value: noise, then rounded and clipped like a real answer. */
function rate(trueValue: number, sd: number, rng: Random): number {
	return answer(rng.normal(trueValue, sd));
}

const answer = (value: number) => clamp(Math.round(value), 0, 10);

/** Post between 0 and pre. */
function afterDrop(pre: number, meanDrop: number, sd: number, rng: Random): number {
	return clamp(Math.round(pre - clamp(rng.normal(meanDrop, sd), 0, pre)), 0, pre);
}

/** Usually lower than before; a flare (soreness after deep work) leaves it higher instead. */
function painAfter(pre: number, pressure: Pressure, rng: Random): number {
	if (rng.chance(FLARE.chanceByPressure[pressure])) return Math.min(10, pre + rng.weighted(FLARE.rise));
	const w = WITHIN_SESSION;
	return afterDrop(pre, w.painDropMean + w.painDropPerPointAbove5 * (pre - 5), w.painDropSd, rng);
}

export function observeSession(truth: ClientTruth, sessionNumber: number, pressure: Pressure, rng: Random): SessionScores {
	const w = WITHIN_SESSION;
	// One noise draw for both, so a client outside the planted group scores exactly as planned.
	const painNoise = rng.normal(0, MEASUREMENT_SD.pain);
	const painPre = answer(truePain(truth, sessionNumber) + painNoise);
	const plannedPainPre = answer(plannedPain(truth, sessionNumber) + painNoise);
	const stressPre = rate(trueStress(truth, sessionNumber), MEASUREMENT_SD.stress, rng);
	// Sleep quality is rated for the night before the visit, so the session cannot change it.
	const sleepPre = rate(trueSleep(truth, sessionNumber), MEASUREMENT_SD.sleep, rng);
	return {
		pain: { pre: painPre, post: painAfter(painPre, pressure, rng) },
		plannedPainPre,
		stress: { pre: stressPre, post: afterDrop(stressPre, w.stressDropMean, w.stressDropSd, rng) },
		sleep: { pre: sleepPre, post: sleepPre },
		rom: truth.rom.map((r) => {
			const limit = r.normal + 10;
			const pre = clamp(Math.round(rng.normal(trueRom(r, sessionNumber), MEASUREMENT_SD.romDegrees)), 0, limit);
			const post = clamp(Math.round(pre + rng.normal(w.romGainMean, w.romGainSd)), 0, limit);
			return { movement: r.movement, side: r.side, pre, post };
		})
	};
}
