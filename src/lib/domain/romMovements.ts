/**
 * Range-of-motion movements with their normal range in degrees.
 * Normal values: AAOS-style tables (American Academy of Orthopaedic Surgeons, Joint Motion: Method of Measuring
 * and Recording, 1965); cervical values in Muscolino differ and are noted.
 */
export interface RomMovement {
	/** Code stored in measurements.rom_movement. */
	code: string;
	/** Label a person reads. */
	label: string;
	/** Normal active range in degrees. */
	normal_degrees: number;
	/** Where the normal value comes from. */
	reference_source: string;
}

const AAOS = 'AAOS, Joint Motion: Method of Measuring and Recording (1965)';

export const ROM_MOVEMENTS: readonly RomMovement[] = [
	{ code: 'shoulder_flexion', label: 'Shoulder flexion', normal_degrees: 180, reference_source: AAOS },
	{ code: 'shoulder_abduction', label: 'Shoulder abduction', normal_degrees: 180, reference_source: AAOS },
	{ code: 'shoulder_external_rotation', label: 'Shoulder external rotation', normal_degrees: 90, reference_source: AAOS },
	{ code: 'shoulder_internal_rotation', label: 'Shoulder internal rotation', normal_degrees: 90, reference_source: AAOS },
	{ code: 'hip_flexion', label: 'Hip flexion', normal_degrees: 125, reference_source: AAOS },
	{ code: 'hip_extension', label: 'Hip extension', normal_degrees: 30, reference_source: AAOS },
	{ code: 'hip_abduction', label: 'Hip abduction', normal_degrees: 45, reference_source: AAOS },
	{ code: 'cervical_flexion', label: 'Cervical flexion', normal_degrees: 45, reference_source: `${AAOS}; 50 in Muscolino` },
	{ code: 'cervical_extension', label: 'Cervical extension', normal_degrees: 45, reference_source: `${AAOS}; 80 in Muscolino` },
	{ code: 'cervical_lateral_flexion', label: 'Cervical lateral flexion', normal_degrees: 45, reference_source: AAOS },
	{ code: 'cervical_rotation', label: 'Cervical rotation', normal_degrees: 80, reference_source: AAOS },
	{ code: 'lumbar_flexion', label: 'Trunk/lumbar flexion', normal_degrees: 90, reference_source: AAOS },
	{ code: 'lumbar_extension', label: 'Trunk/lumbar extension', normal_degrees: 30, reference_source: AAOS }
];

export const ROM_MOVEMENT_CODES = ROM_MOVEMENTS.map((m) => m.code) as [string, ...string[]];
