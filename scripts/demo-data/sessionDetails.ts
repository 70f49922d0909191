/** A session's who and how: therapist, techniques, body region, pressure and length. */
import type { Technique } from '../../src/lib/domain/techniques';
import type { PlannedClient } from './population';
import type { Random } from './random';
import { CONDITION_PROFILES } from './scenario';
import {
	ADJUNCT_TECHNIQUES, COURSE_TECHNIQUE_SHARE, DURATIONS, HOME_THERAPIST_SHARE, OTHER_TECHNIQUES_SHARE,
	PRESSURE_BY_TECHNIQUE, THERAPISTS, USUAL_REGION_SHARE
} from './sessionMix';
import type { SessionRow } from './types';

export type SessionDetails = Omit<SessionRow, 'session_id' | 'session_date'>;

/** Covering sessions go to a colleague at the client's clinic. */
function therapistFor(client: PlannedClient, sessionNumber: number, rng: Random) {
	if (sessionNumber === 1 || rng.chance(HOME_THERAPIST_SHARE)) return client.home;
	const colleagues = THERAPISTS.filter(
		(t) => t.clinic_id === client.home.clinic_id && t.therapist_id !== client.home.therapist_id
	);
	return rng.pick(colleagues);
}

function primaryTechniqueFor(client: PlannedClient, sessionNumber: number, rng: Random): Technique {
	const alternatives = CONDITION_PROFILES[client.row.primary_condition].techniques
		.map((t) => t.technique)
		.filter((t) => t !== client.courseTechnique);
	if (sessionNumber === 1 || alternatives.length === 0 || rng.chance(COURSE_TECHNIQUE_SHARE)) return client.courseTechnique;
	return rng.pick(alternatives);
}

function otherTechniquesFor(client: PlannedClient, primary: Technique, rng: Random): string | null {
	if (!rng.chance(OTHER_TECHNIQUES_SHARE)) return null;
	const own = CONDITION_PROFILES[client.row.primary_condition].techniques.map((t) => t.technique);
	const candidates = [...new Set([...own, ...ADJUNCT_TECHNIQUES])].filter((t) => t !== primary);
	const count = rng.chance(0.7) ? 1 : 2;
	return rng.shuffle(candidates).slice(0, count).join(';');
}

export function drawSessionDetails(client: PlannedClient, sessionNumber: number, rng: Random): SessionDetails {
	const therapist = therapistFor(client, sessionNumber, rng);
	const primary = primaryTechniqueFor(client, sessionNumber, rng);
	const regions = CONDITION_PROFILES[client.row.primary_condition].regions;
	return {
		client_id: client.row.client_id,
		therapist_id: therapist.therapist_id,
		clinic_id: therapist.clinic_id,
		session_number: sessionNumber,
		duration_min: rng.weighted(DURATIONS),
		primary_technique: primary,
		other_techniques: otherTechniquesFor(client, primary, rng),
		body_region: rng.chance(USUAL_REGION_SHARE) ? client.usualRegion : rng.weightedKey(regions),
		pressure: rng.weightedKey(PRESSURE_BY_TECHNIQUE[primary])
	};
}
