import { z } from './zod';
import { TECHNIQUES } from '$lib/domain/techniques';
import { column } from './column';
import { pseudonymousId } from './ids';

export const BODY_REGIONS = ['head', 'neck', 'upper_back', 'low_back', 'shoulder', 'arms', 'hip', 'legs', 'full_body'] as const;
export const PRESSURES = ['light', 'moderate', 'firm', 'deep'] as const;

const techniqueList = z
	.string()
	.refine((s) => s.split(';').every((t) => (TECHNIQUES as readonly string[]).includes(t)), {
		error: 'other_techniques must be technique codes separated by ;'
	})
	.nullable();

export const Session = z.object({
	session_id: column(pseudonymousId('session_id'), 'VARCHAR', 'Pseudonymous session id, unique in the dataset'),
	client_id: column(pseudonymousId('client_id'), 'VARCHAR', 'The client seen (clients.client_id)'),
	therapist_id: column(pseudonymousId('therapist_id').nullable(), 'VARCHAR', 'The treating therapist (therapists.therapist_id); empty when the source holds no therapist ids'),
	clinic_id: column(pseudonymousId('clinic_id').nullable(), 'VARCHAR', 'The clinic where the session took place (empty when not recorded)'),
	session_date: column(
		z.iso.date({ error: 'session_date must be a date as YYYY-MM-DD' }).nullable(),
		'DATE',
		'Date of the visit (the first of its month when only the month is known); the charts use its month only. Empty when the source holds no dates, as in a researcher export: the sessions are then timed by day_offset'
	),
	session_number: column(z.int({ error: 'session_number must be a whole number' }).min(1, { error: 'session_number must be 1 to 500' }).max(500, { error: 'session_number must be 1 to 500' }), 'INTEGER', "1 for the client's first session of the course, then 2, 3..."),
	duration_min: column(z.int({ error: 'duration_min must be whole minutes' }).min(5, { error: 'duration_min must be 5 to 240 minutes' }).max(240, { error: 'duration_min must be 5 to 240 minutes' }).nullable(), 'INTEGER', 'Treatment time in minutes (empty if not recorded)'),
	primary_technique: column(z.enum(TECHNIQUES, { error: 'primary_technique is not a known technique code' }), 'VARCHAR', 'The main technique used'),
	other_techniques: column(techniqueList, 'VARCHAR', 'Other techniques used, codes separated by ; (empty if none)'),
	body_region: column(z.enum(BODY_REGIONS, { error: 'body_region is not a known region' }).nullable(), 'VARCHAR', 'Main body region treated'),
	pressure: column(z.enum(PRESSURES, { error: 'pressure must be light, moderate, firm or deep' }).nullable(), 'VARCHAR', 'Pressure used'),
	day_offset: column(
		z.int({ error: 'day_offset must be whole days' }).min(0, { error: 'day_offset cannot be negative' }).nullish(),
		'INTEGER',
		"Days since the client's first session in the same import: intervals without exact dates (a researcher export's days_since_first_visit; empty in the demo data)"
	)
});

export type Session = z.infer<typeof Session>;
