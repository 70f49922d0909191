import type { CsvDataset } from '../../support/csvDataset';

/**
 * Seven clients, small enough to count by hand: C01-C05 share (40-49, female, neck_pain, north); C06 and C07 are
 * alone in their combinations. Scores: S1 has pain and stress before and after (4 rows), every other session pain
 * before and after (2 rows). C01 comes twice (S1 in January, S8 in February).
 */
export const EXPORT_DATASET: CsvDataset = {
	clients: `client_id,age_band,sex,primary_condition
C01,40-49,female,neck_pain
C02,40-49,female,neck_pain
C03,40-49,female,neck_pain
C04,40-49,female,neck_pain
C05,40-49,female,neck_pain
C06,30-39,male,neck_pain
C07,50-59,female,chronic_low_back_pain
`,
	therapists: `therapist_id,clinic_id
T01,north
T02,west
`,
	sessions: `session_id,client_id,therapist_id,clinic_id,session_date,session_number,duration_min,primary_technique,other_techniques,body_region,pressure
S1,C01,T01,north,2025-01-10,1,60,swedish,,neck,moderate
S2,C02,T01,north,2025-01-11,1,60,swedish,,neck,moderate
S3,C03,T01,north,2025-01-12,1,60,trigger_point,,neck,firm
S4,C04,T01,north,2025-01-13,1,60,swedish,,neck,light
S5,C05,T01,north,2025-01-14,1,60,swedish,,neck,light
S6,C06,T01,north,2025-01-15,1,60,swedish,,neck,light
S7,C07,T02,west,2025-01-16,1,90,deep_tissue,,low_back,deep
S8,C01,T01,north,2025-02-03,2,60,swedish,,neck,moderate
`,
	measurements: `session_id,instrument,timepoint,value,rom_movement,side
S1,pain_nrs,pre,6,,
S1,pain_nrs,post,4,,
S1,stress_nrs,pre,5,,
S1,stress_nrs,post,3,,
S2,pain_nrs,pre,5,,
S2,pain_nrs,post,3,,
S3,pain_nrs,pre,8,,
S3,pain_nrs,post,5,,
S4,pain_nrs,pre,6,,
S4,pain_nrs,post,5,,
S5,pain_nrs,pre,4,,
S5,pain_nrs,post,3,,
S6,pain_nrs,pre,7,,
S6,pain_nrs,post,6,,
S7,pain_nrs,pre,7,,
S7,pain_nrs,post,2,,
S8,pain_nrs,pre,5,,
S8,pain_nrs,post,4,,
`
};
