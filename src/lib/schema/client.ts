import { z } from './zod';
import { CONDITIONS } from '$lib/domain/conditions';
import { CONDITION_GROUP_CODES, RECODED_ALL } from '$lib/domain/conditionGroups';
import { column } from './column';
import { pseudonymousId } from './ids';

/** Age in 10-year bands, 80+ top-coded (a quasi-identifier kept coarse on purpose). */
export const AGE_BANDS = ['18-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/**
 * What a k-anonymous export (the app's own researcher export among them) may have recoded a client's fields to:
 * 20-year age bands (pairs of the 10-year bands, 60+ top-coded), condition groups, and `all` for any.
 */
export const TWENTY_YEAR_AGE_BANDS = ['18-39', '40-59', '60+'] as const;
export const RECODED_AGE_BANDS = [...TWENTY_YEAR_AGE_BANDS, RECODED_ALL] as const;
export const RECODED_SEXES = [RECODED_ALL] as const;
export const RECODED_CONDITIONS = [...CONDITION_GROUP_CODES, RECODED_ALL] as const;

export const Client = z.object({
	client_id: column(pseudonymousId('client_id'), 'VARCHAR', 'Random pseudonymous client id; never a name, chart or booking number'),
	age_band: column(
		z.enum([...AGE_BANDS, ...RECODED_AGE_BANDS], { error: 'age_band must be a 10-year band such as 40-49, or 80+ (or, as recoded for an export, 18-39, 40-59, 60+ or all)' }).nullable(),
		'VARCHAR',
		'Age in 10-year bands, 80+ top-coded; in a recoded export, 20-year bands (60+) or all (empty if not recorded)'
	),
	sex: column(z.enum([...SEXES, ...RECODED_SEXES], { error: 'sex must be female, male, other or unknown (or all, as recoded for an export)' }), 'VARCHAR', 'Sex as recorded by the clinic; all in a recoded export'),
	primary_condition: column(
		z.enum([...CONDITIONS, ...RECODED_CONDITIONS], { error: 'primary_condition is not a known condition code' }),
		'VARCHAR',
		'The condition the client came for (controlled list); in a recoded export, a condition group or all'
	)
});

export type Client = z.infer<typeof Client>;
