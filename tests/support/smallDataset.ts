import type { DatasetFiles } from '$lib/db';
import { gzippedDatasetFiles, type CsvDataset } from './csvDataset';

/**
 * Six sessions of four clients, small enough that every expected answer in the query tests was worked out by
 * hand (see the comments there).
 */
export const SMALL_DATASET: CsvDataset = {
	clients: `client_id,age_band,sex,primary_condition
C01,40-49,female,neck_pain
C02,30-39,male,neck_pain
C03,50-59,female,neck_pain
C04,60-69,male,chronic_low_back_pain
`,
	therapists: `therapist_id,clinic_id
T01,north
T02,west
`,
	sessions: `session_id,client_id,therapist_id,clinic_id,session_date,session_number,duration_min,primary_technique,other_techniques,body_region,pressure
S1,C01,T01,north,2025-01-10,1,60,swedish,,neck,moderate
S2,C01,T01,north,2025-02-10,2,60,swedish,stretching_pnf,neck,moderate
S3,C02,T02,west,2025-01-15,1,45,trigger_point,,neck,firm
S4,C02,T02,west,2025-01-29,2,45,trigger_point,myofascial_release;stretching_pnf,neck,firm
S5,C03,T01,north,2025-02-03,1,60,swedish,,neck,light
S6,C04,T02,west,2025-02-20,1,90,deep_tissue,,low_back,deep
`,
	measurements: `session_id,instrument,timepoint,value,rom_movement,side
S1,pain_nrs,pre,6,,
S1,pain_nrs,post,4,,
S1,stress_nrs,pre,5,,
S1,stress_nrs,post,3,,
S1,sleep_nrs,pre,4,,
S1,sleep_nrs,post,4,,
S2,pain_nrs,pre,5,,
S2,pain_nrs,post,3,,
S3,pain_nrs,pre,8,,
S3,pain_nrs,post,5,,
S4,pain_nrs,pre,6,,
S4,pain_nrs,post,5,,
S5,pain_nrs,pre,4,,
S5,pain_nrs,post,3,,
S5,rom,pre,60,cervical_rotation,left
S5,rom,pre,56,cervical_rotation,right
S5,rom,post,64,cervical_rotation,left
S6,pain_nrs,pre,7,,
`
};

export function smallDatasetFiles(): DatasetFiles {
	return gzippedDatasetFiles(SMALL_DATASET);
}
