/** The clients to simulate: who they are, what they come for, with whom, and when they start. */
import { CONDITIONS, type Condition } from '../../src/lib/domain/conditions';
import type { Technique } from '../../src/lib/domain/techniques';
import { LAST_DAY } from './calendar';
import type { Random } from './random';
import { CONDITION_PROFILES } from './scenario';
import { DEFAULT_AGE_BANDS, DEFAULT_SEXES, INTAKE_GROWTH, THERAPISTS } from './sessionMix';
import type { BodyRegion, ClientRow, TherapistRow } from './types';

export interface PlannedClient {
	row: ClientRow;
	courseTechnique: Technique;
	home: TherapistRow;
	/** Day number of session 1. */
	startDay: number;
	usualRegion: BodyRegion;
	/** Side of a one-sided complaint (shoulder, hip). */
	affectedSide: 'left' | 'right';
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Counts proportional to shares that sum exactly to total (largest remainder), so a small share keeps its size. */
export function allocate<K>(total: number, shares: readonly (readonly [K, number])[]): K[] {
	const sum = shares.reduce((s, [, share]) => s + share, 0);
	const exact = shares.map(([key, share]) => ({ key, exact: (total * share) / sum }));
	const counts = exact.map((e) => Math.floor(e.exact));
	const byRemainder = exact.map((e, i) => ({ i, rest: e.exact - counts[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
	const left = total - counts.reduce((a, b) => a + b, 0);
	for (let k = 0; k < left; k++) counts[byRemainder[k].i]++;
	return exact.flatMap((e, i) => Array<K>(counts[i]).fill(e.key));
}

function pseudonymousIds(count: number, rng: Random): string[] {
	const ids = new Set<string>();
	while (ids.size < count) {
		ids.add('C' + Array.from({ length: 6 }, () => rng.pick([...ID_ALPHABET])).join(''));
	}
	return [...ids];
}

/** Inverse of the CDF of a density rising linearly by INTAKE_GROWTH over the window. */
function intakeDay(rng: Random): number {
	const a = INTAKE_GROWTH;
	const u = rng.uniform();
	const x = a === 0 ? u : (-1 + Math.sqrt(1 + 2 * a * u * (1 + a / 2))) / a;
	return Math.min(LAST_DAY, Math.floor(x * (LAST_DAY + 1)));
}

export function planClients(count: number, rng: Random): PlannedClient[] {
	const ids = pseudonymousIds(count, rng);
	const conditions = rng.shuffle(allocate(count, CONDITIONS.map((c) => [c, CONDITION_PROFILES[c].share] as const)));
	const techniqueQueues = new Map<Condition, Technique[]>();
	for (const condition of CONDITIONS) {
		const n = conditions.filter((c) => c === condition).length;
		const shares = CONDITION_PROFILES[condition].techniques.map((t) => [t.technique, t.share] as const);
		techniqueQueues.set(condition, rng.shuffle(allocate(n, shares)));
	}
	const clients = conditions.map((condition, i): PlannedClient => {
		const profile = CONDITION_PROFILES[condition];
		return {
			row: {
				client_id: ids[i],
				age_band: rng.weightedKey(profile.ageBands ?? DEFAULT_AGE_BANDS),
				sex: rng.weightedKey(profile.sexes ?? DEFAULT_SEXES),
				primary_condition: condition
			},
			courseTechnique: techniqueQueues.get(condition)!.pop()!,
			home: rng.pick(THERAPISTS),
			startDay: intakeDay(rng),
			usualRegion: rng.weightedKey(profile.regions),
			affectedSide: rng.chance(0.6) ? 'right' : 'left'
		};
	});
	return clients.sort((a, b) => a.startDay - b.startDay);
}
