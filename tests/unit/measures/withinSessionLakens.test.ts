import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db';
import { MEASURES, NO_FILTER } from '$lib/measures';
import { compareTechniques } from '$lib/techniques/techniqueComparison';
import { gzippedDatasetFiles } from '../../support/csvDataset';
import { openDatasetDatabase } from '../../support/testDatabase';

/**
 * Lakens 2013 (Front Psychol 4:863), Table 1, as a single-visit study: ten clients scored before (A) and after (B)
 * one session. The paper's paired answers: t(9) = 4.74, d_z = 1.50, d_av = 1.13. Pain is better lower, so the
 * improvement is A - B.
 */
const A = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
const B = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];

function singleVisitStudy() {
	const ids = A.map((_, i) => `L${String(i + 1).padStart(2, '0')}`);
	return gzippedDatasetFiles({
		clients: ['client_id,age_band,sex,primary_condition', ...ids.map((id) => `${id},40-49,female,chronic_low_back_pain`)].join('\n') + '\n',
		therapists: 'therapist_id,clinic_id\nT01,north\n',
		sessions: [
			'session_id,client_id,therapist_id,clinic_id,session_date,session_number,duration_min,primary_technique,other_techniques,body_region,pressure',
			...ids.map((id, i) => `S${id},${id},T01,north,2025-03-${String(i + 1).padStart(2, '0')},1,60,swedish,,low_back,moderate`)
		].join('\n') + '\n',
		measurements: [
			'session_id,instrument,timepoint,value,rom_movement,side',
			...ids.flatMap((id, i) => [`S${id},pain_nrs,pre,${A[i]},,`, `S${id},pain_nrs,post,${B[i]},,`])
		].join('\n') + '\n'
	});
}

describe('within-session effect sizes on a single-visit study (Lakens 2013, Table 1)', () => {
	let db: Connector;
	beforeAll(async () => { db = await openDatasetDatabase(singleVisitStudy()); });
	afterAll(() => db.close());

	it('gives the paper’s d_z 1.50 and d_av 1.13, with n, the mean and its t-based CI', async () => {
		const pain = MEASURES.find((m) => m.key === 'pain')!;
		const comparison = await compareTechniques(db, { measure: pain, end: 'last_pre', filter: NO_FILTER, reference: null, adjustment: 'holm', k: 5 });
		expect(comparison.noCourses).toBe(true);
		const [swedish] = comparison.within;
		expect(swedish.technique).toBe('swedish');
		expect(swedish.clients).toBe(10);
		expect(swedish.change!.mean).toBeCloseTo(1, 12);
		// t = d_z √n = 4.74 (the paper); the CI is mean ± t(0.975, 9) × sd / √n, sd = 1 / d_z.
		expect(swedish.change!.mean / swedish.change!.se).toBeCloseTo(4.74, 2);
		expect(swedish.dz!.value).toBeCloseTo(1.5, 2);
		expect(swedish.dav!.value).toBeCloseTo(1.13, 2);
		expect(swedish.change!.lower).toBeCloseTo(1 - 2.262157 * swedish.change!.se, 6);
	});
});
