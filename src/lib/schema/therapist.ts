import { z } from './zod';
import { column } from './column';
import { pseudonymousId } from './ids';

export const Therapist = z.object({
	therapist_id: column(pseudonymousId('therapist_id'), 'VARCHAR', 'Pseudonymous therapist id; never a name or registration number'),
	clinic_id: column(pseudonymousId('clinic_id').nullable(), 'VARCHAR', "The therapist's home clinic (empty when not recorded)")
});

export type Therapist = z.infer<typeof Therapist>;
