import { z } from './zod';
import { CONDITIONS } from '$lib/domain/conditions';
import { column } from './column';
import { pseudonymousId } from './ids';

/** Age in 10-year bands, 80+ top-coded (a quasi-identifier kept coarse on purpose). */
export const AGE_BANDS = ['18-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const Client = z.object({
	client_id: column(pseudonymousId('client_id'), 'VARCHAR', 'Random pseudonymous client id; never a name, chart or booking number'),
	age_band: column(z.enum(AGE_BANDS, { error: 'age_band must be a 10-year band such as 40-49, or 80+' }).nullable(), 'VARCHAR', 'Age in 10-year bands, 80+ top-coded (empty if not recorded)'),
	sex: column(z.enum(SEXES, { error: 'sex must be female, male, other or unknown' }), 'VARCHAR', 'Sex as recorded by the clinic'),
	primary_condition: column(z.enum(CONDITIONS, { error: 'primary_condition is not a known condition code' }), 'VARCHAR', 'The condition the client came for (controlled list)')
});

export type Client = z.infer<typeof Client>;
