/** A session's scores in long form, less the rows removed at random to stand for missing answers. */
import type { Random } from './random';
import { MISSING } from './scenario';
import type { PrePost, SessionScores } from './sessionScores';
import type { DemoInstrument, MeasurementRow } from './types';

/** One chance per row, so each kind of row loses its stated share: rom, then sleep, then other post rows. */
function missingChance(row: MeasurementRow): number {
	if (row.instrument === 'rom') return MISSING.rom;
	if (row.instrument === 'sleep_nrs') return MISSING.sleep;
	return row.timepoint === 'post' ? MISSING.post : 0;
}

function nrsRows(sessionId: string, instrument: DemoInstrument, score: PrePost): MeasurementRow[] {
	return (['pre', 'post'] as const).map((timepoint) => ({
		session_id: sessionId, instrument, timepoint, value: score[timepoint], rom_movement: null, side: null
	}));
}

/** Pre-session pain and stress are never removed, so every client keeps an intake pain score. */
export function measurementRows(sessionId: string, scores: SessionScores, rng: Random): MeasurementRow[] {
	const rows = [
		...nrsRows(sessionId, 'pain_nrs', scores.pain),
		...nrsRows(sessionId, 'stress_nrs', scores.stress),
		...nrsRows(sessionId, 'sleep_nrs', scores.sleep),
		...scores.rom.flatMap((r) =>
			(['pre', 'post'] as const).map((timepoint): MeasurementRow => ({
				session_id: sessionId, instrument: 'rom', timepoint, value: r[timepoint], rom_movement: r.movement, side: r.side
			}))
		)
	];
	return rows.filter((row) => !rng.chance(missingChance(row)));
}
