import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { DEFAULT_K } from '$lib/disclosure';
import { judgeClient } from '$lib/onTrack/judgeClient';
import { onTrackMeasure, queryClientsOnTrack } from '$lib/queries/clientsOnTrack';
import { DEFAULT_DEMO_DATA_OPTIONS, simulateDemoData, stalledClients } from '../../../scripts/demo-data';
import { openDemoDatabase } from '../../support/demoDataset';

let db: Connector;
beforeAll(async () => (db = await openDemoDatabase()), 120_000);
afterAll(async () => db?.close());

describe('Clients not on track on the demo data', () => {
	it('finds the planted clients who stop improving', async () => {
		const planted = stalledClients(simulateDemoData(DEFAULT_DEMO_DATA_OPTIONS));
		const pain = onTrackMeasure('pain');
		for (const weeks of [6, null]) {
			const { rows } = await queryClientsOnTrack(db, { measure: 'pain', activeWeeks: weeks, condition: null, therapist: null, clinic: null });
			const verdicts = rows.map((r) => judgeClient(r, pain, DEFAULT_K));
			const flagged = verdicts.filter((v) => v.status === 'not_on_track');
			const truePositives = flagged.filter((v) => planted.has(v.row.clientId));
			const plantedListed = verdicts.filter((v) => planted.has(v.row.clientId));
			const fallenBehind = plantedListed.filter((v) => v.row.last && v.row.last.session >= planted.get(v.row.clientId)! + 2 && (v.status === 'on_track' || v.status === 'not_on_track'));
			const found = fallenBehind.filter((v) => v.status === 'not_on_track');
			if (weeks === 6) console.log('planted flagged', truePositives.map((v) => v.row.clientId + ':' + v.row.condition).join(' '));
			console.log({ weeks, listed: rows.length, flagged: flagged.length, truePositives: truePositives.length, plantedListed: plantedListed.length, fallenBehind: fallenBehind.length, found: found.length,
				statuses: Object.fromEntries(['not_on_track', 'on_track', 'too_few', 'too_early', 'no_scores'].map((s) => [s, verdicts.filter((v) => v.status === s).length])) });
		}
		expect(planted.size).toBeGreaterThan(0);
	}, 120_000);
});
