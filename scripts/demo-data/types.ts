import type { Condition } from '../../src/lib/domain/conditions';
import type { Technique } from '../../src/lib/domain/techniques';

export const AGE_BANDS = ['18-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];
export const CLINIC_IDS = ['north', 'central', 'west'] as const;
export type ClinicId = (typeof CLINIC_IDS)[number];
export const BODY_REGIONS = ['neck', 'upper_back', 'low_back', 'shoulder', 'hip', 'full_body', 'head', 'legs', 'arms'] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];
export const PRESSURES = ['light', 'moderate', 'firm', 'deep'] as const;
export type Pressure = (typeof PRESSURES)[number];
export const DEMO_INSTRUMENTS = ['pain_nrs', 'stress_nrs', 'sleep_nrs', 'rom'] as const;
export type DemoInstrument = (typeof DEMO_INSTRUMENTS)[number];
export type Timepoint = 'pre' | 'post';
export type Side = 'left' | 'right' | 'bilateral';

export interface ClientRow {
	/** Pseudonymous: "C" and six random characters. */
	client_id: string;
	age_band: AgeBand;
	sex: Sex;
	primary_condition: Condition;
}

export interface TherapistRow {
	therapist_id: string;
	/** Home clinic. */
	clinic_id: ClinicId;
}

export interface SessionRow {
	/** "S" and six digits, numbered in date order. */
	session_id: string;
	client_id: string;
	therapist_id: string;
	clinic_id: ClinicId;
	/** YYYY-MM-DD. */
	session_date: string;
	/** 1, 2, ... within the client's course, without gaps. */
	session_number: number;
	duration_min: number;
	primary_technique: Technique;
	/** ";"-separated technique codes, none equal to the primary; null when there are none. */
	other_techniques: string | null;
	body_region: BodyRegion;
	pressure: Pressure;
}

/** One score in long form: an absent row is a missing value. */
export interface MeasurementRow {
	session_id: string;
	instrument: DemoInstrument;
	timepoint: Timepoint;
	/** 0-10 for the NRS instruments, whole degrees for rom. */
	value: number;
	/** ROM movement code; null for the NRS instruments. */
	rom_movement: string | null;
	/** null for the NRS instruments. */
	side: Side | null;
}

export interface DemoData {
	clients: ClientRow[];
	therapists: TherapistRow[];
	sessions: SessionRow[];
	measurements: MeasurementRow[];
}

export interface DemoDataOptions {
	/** PRNG seed: the same seed and client count always give the same data. */
	seed: number;
	/** How many clients to simulate. */
	clients: number;
}
