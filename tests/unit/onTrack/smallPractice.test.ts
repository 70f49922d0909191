import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { loadOnTrackAnalysis } from '$lib/onTrack/onTrackAnalysis';
import { openSubsampledDemo } from '../../support/subsampledDemo';

/** A solo practice (150 clients): too few clients like most of them for an expected course, and the model says so. */
describe('Clients not on track in a small practice', () => {
	let db: Connector;
	beforeAll(async () => (db = await openSubsampledDemo(150, 7)), 120_000);
	afterAll(async () => db?.close());

	it('judges only where 20 clients like them exist, and counts the rest as too few rather than on track', async () => {
		const analysis = await loadOnTrackAnalysis(db, { measure: 'pain', activeWeeks: null, condition: null, therapist: null, clinic: null }, 11);
		expect(analysis.verdicts).toHaveLength(150);
		expect(analysis.minClients).toBe(20);
		const judged = analysis.counts.on_track + analysis.counts.not_on_track;
		// Only the largest condition (low back pain) has 20 clients at its first sessions: 3 clients are judged there.
		expect(judged).toBe(3);
		expect(analysis.verdicts.filter((v) => v.status === 'on_track' || v.status === 'not_on_track').every((v) => v.row.condition === 'chronic_low_back_pain')).toBe(true);
		expect(analysis.counts.too_few + judged).toBe(analysis.verdicts.filter((v) => v.row.last && v.row.last.session >= 3 && v.row.scored >= 2).length);
		expect(analysis.counts.too_few).toBeGreaterThan(50);
	});

	it('at k = 30 the expected course needs 30 clients: no one is judged', async () => {
		const analysis = await loadOnTrackAnalysis(db, { measure: 'pain', activeWeeks: null, condition: null, therapist: null, clinic: null }, 30);
		expect(analysis.minClients).toBe(30);
		expect(analysis.counts.on_track + analysis.counts.not_on_track).toBe(0);
	});
});
