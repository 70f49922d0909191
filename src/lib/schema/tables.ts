import { Client } from './client';
import { Measurement } from './measurement';
import { Session } from './session';
import { Therapist } from './therapist';

/** The canonical tables, in load order, each with its schema. */
export const CANONICAL_TABLES = [
	{ name: 'clients', schema: Client },
	{ name: 'therapists', schema: Therapist },
	{ name: 'sessions', schema: Session },
	{ name: 'measurements', schema: Measurement }
] as const;
