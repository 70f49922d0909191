import type { DatasetFiles } from '$lib/db';
import { gzippedDatasetFiles, type CsvDataset } from '../../support/csvDataset';

/**
 * Five clients small enough that every ROM answer in romOutcomes.test.ts was worked out by hand (see there).
 * R1: neck pain, course technique myofascial release (session 2 was Swedish), cervical rotation both sides, the
 * right side's last post missing. R2: neck pain, Swedish, its right side's first pre missing. R3: shoulder, one
 * session. R4: sports injury, hip flexion with the first pre missing. R5: tension headache, no ROM.
 */
const ROM_SMALL_DATASET: CsvDataset = {
	clients: `client_id,age_band,sex,primary_condition
R1,40-49,female,neck_pain
R2,30-39,male,neck_pain
R3,50-59,female,shoulder
R4,18-29,male,sports_injury
R5,60-69,female,tension_headache
`,
	therapists: `therapist_id,clinic_id
T01,north
`,
	sessions: `session_id,client_id,therapist_id,clinic_id,session_date,session_number,duration_min,primary_technique,other_techniques,body_region,pressure
S11,R1,T01,north,2025-01-06,1,60,myofascial_release,,neck,moderate
S12,R1,T01,north,2025-01-13,2,60,swedish,,neck,light
S13,R1,T01,north,2025-01-20,3,60,myofascial_release,,neck,moderate
S21,R2,T01,north,2025-01-07,1,60,swedish,,neck,light
S22,R2,T01,north,2025-01-21,2,60,swedish,,neck,light
S31,R3,T01,north,2025-01-08,1,45,trigger_point,,shoulder,firm
S41,R4,T01,north,2025-01-09,1,60,deep_tissue,,hip,deep
S42,R4,T01,north,2025-01-16,2,60,deep_tissue,,hip,deep
S43,R4,T01,north,2025-01-23,3,60,deep_tissue,,hip,deep
S51,R5,T01,north,2025-01-10,1,60,swedish,,head,light
`,
	measurements: `session_id,instrument,timepoint,value,rom_movement,side
S11,rom,pre,50,cervical_rotation,left
S11,rom,post,54,cervical_rotation,left
S12,rom,pre,55,cervical_rotation,left
S12,rom,post,58,cervical_rotation,left
S13,rom,pre,60,cervical_rotation,left
S13,rom,post,63,cervical_rotation,left
S11,rom,pre,46,cervical_rotation,right
S11,rom,post,50,cervical_rotation,right
S12,rom,pre,52,cervical_rotation,right
S12,rom,post,55,cervical_rotation,right
S13,rom,pre,57,cervical_rotation,right
S21,rom,pre,40,cervical_rotation,left
S21,rom,post,42,cervical_rotation,left
S22,rom,pre,44,cervical_rotation,left
S22,rom,post,47,cervical_rotation,left
S21,rom,post,41,cervical_rotation,right
S22,rom,pre,43,cervical_rotation,right
S22,rom,post,45,cervical_rotation,right
S31,rom,pre,120,shoulder_flexion,right
S31,rom,post,124,shoulder_flexion,right
S41,rom,post,95,hip_flexion,left
S42,rom,pre,96,hip_flexion,left
S42,rom,post,99,hip_flexion,left
S43,rom,pre,100,hip_flexion,left
S43,rom,post,104,hip_flexion,left
S51,pain_nrs,pre,5,,
S51,pain_nrs,post,3,,
`
};

export function romSmallDatasetFiles(): DatasetFiles {
	return gzippedDatasetFiles(ROM_SMALL_DATASET);
}
