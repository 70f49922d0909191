/** One client's course: sessions 1-3 weeks apart until discharge, drop-out, or the end of the data window. */
import { drawClientTruth, type ClientTruth } from './clientTruth';
import { isSunday, LAST_DAY } from './calendar';
import type { PlannedClient } from './population';
import type { Random } from './random';
import { CONDITION_PROFILES, DROPOUT } from './scenario';
import { drawSessionDetails, type SessionDetails } from './sessionDetails';
import { observeSession, type SessionScores } from './sessionScores';
import { GAP_JITTER_DAYS, GAP_WEEKS } from './sessionMix';

export interface SimulatedSession {
	day: number;
	details: SessionDetails;
	scores: SessionScores;
}

export interface SimulatedCourse {
	client: PlannedClient;
	truth: ClientTruth;
	sessions: SimulatedSession[];
}

/** Clinics are closed on Sundays: move to Monday, or to Saturday when Monday would be past three weeks. */
function openDay(day: number, gap: number): number {
	if (!isSunday(day)) return day;
	return gap < 21 && day + 1 <= LAST_DAY ? day + 1 : day - 1;
}

function nextSessionDay(day: number, rng: Random): number {
	const gap = Math.min(21, Math.max(7, 7 * rng.weighted(GAP_WEEKS) + rng.integer(-GAP_JITTER_DAYS, GAP_JITTER_DAYS)));
	return openDay(day + gap, gap);
}

/** Points the client's own outcome improved since session 1, as the client would see it. */
function feltImprovement(client: PlannedClient, first: SessionScores, now: SessionScores): number {
	switch (CONDITION_PROFILES[client.row.primary_condition].primaryOutcome) {
		case 'pain': return first.plannedPainPre - now.plannedPainPre;
		case 'stress': return first.stress.pre - now.stress.pre;
		case 'sleep': return now.sleep.pre - first.sleep.pre;
	}
}

export function dropoutChance(sessionNumber: number, improvement: number): number {
	const hazards = DROPOUT.hazardAfterSession;
	const base = hazards[Math.min(sessionNumber, hazards.length) - 1];
	const multiplier = Math.min(DROPOUT.maxMultiplier, Math.max(DROPOUT.minMultiplier, 1 - DROPOUT.perPointImproved * improvement));
	return base * multiplier;
}

export function simulateCourse(client: PlannedClient, rng: Random, stallAfter: number | null = null): SimulatedCourse {
	const truth = drawClientTruth(client, rng, stallAfter);
	const sessions: SimulatedSession[] = [];
	let day = openDay(client.startDay, 0);
	for (let n = 1; n <= DROPOUT.maxSessions && day <= LAST_DAY; n++) {
		const details = drawSessionDetails(client, n, rng);
		const scores = observeSession(truth, n, details.pressure, rng);
		sessions.push({ day, details, scores });
		if (rng.chance(dropoutChance(n, feltImprovement(client, sessions[0].scores, scores)))) break;
		day = nextSessionDay(day, rng);
	}
	return { client, truth, sessions };
}
