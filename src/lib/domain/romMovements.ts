/**
 * Range-of-motion movements with their normal range in degrees and their minimal detectable change (MDC).
 * Normal values: AAOS-style tables (American Academy of Orthopaedic Surgeons, Joint Motion: Method of Measuring
 * and Recording, 1965); cervical values in Muscolino differ and are noted.
 * ROM has no anchor-based MCID, so a change is judged against the movement's MDC: the smallest change larger than
 * the measurement's own error.
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
	/** Minimal detectable change in degrees, or null where none is published for the movement. */
	mdc_degrees: number | null;
	/** Where the MDC comes from and which value of a published range is used, or that none is published. */
	mdc_source: string;
}

const AAOS = 'AAOS, Joint Motion: Method of Measuring and Recording (1965)';

const CERVICAL_MDC = 9.6;
const CERVICAL_MDC_SOURCE =
	'Fletcher & Bandy 2008, J Orthop Sports Phys Ther 38:640 (CROM, same rater): MDC 5.4-9.6 degrees by movement; the conservative upper bound 9.6 is used for every cervical movement';
const SHOULDER_MDC = 8;
const SHOULDER_MDC_SOURCE =
	'Same-rater MDC90 (90% confidence) 4-8 degrees (inclinometry, Kolber & Hanney 2009, Physiother Theory Pract 25:572); the conservative upper bound 8 is used for every shoulder movement';
const NO_MDC = 'None published for this movement: no MDC is applied';

export const ROM_MOVEMENTS: readonly RomMovement[] = [
	{ code: 'shoulder_flexion', label: 'Shoulder flexion', normal_degrees: 180, reference_source: AAOS, mdc_degrees: SHOULDER_MDC, mdc_source: SHOULDER_MDC_SOURCE },
	{ code: 'shoulder_abduction', label: 'Shoulder abduction', normal_degrees: 180, reference_source: AAOS, mdc_degrees: SHOULDER_MDC, mdc_source: SHOULDER_MDC_SOURCE },
	{ code: 'shoulder_external_rotation', label: 'Shoulder external rotation', normal_degrees: 90, reference_source: AAOS, mdc_degrees: SHOULDER_MDC, mdc_source: SHOULDER_MDC_SOURCE },
	{ code: 'shoulder_internal_rotation', label: 'Shoulder internal rotation', normal_degrees: 90, reference_source: AAOS, mdc_degrees: SHOULDER_MDC, mdc_source: SHOULDER_MDC_SOURCE },
	{ code: 'hip_flexion', label: 'Hip flexion', normal_degrees: 125, reference_source: AAOS, mdc_degrees: null, mdc_source: NO_MDC },
	{ code: 'hip_extension', label: 'Hip extension', normal_degrees: 30, reference_source: AAOS, mdc_degrees: null, mdc_source: NO_MDC },
	{ code: 'hip_abduction', label: 'Hip abduction', normal_degrees: 45, reference_source: AAOS, mdc_degrees: null, mdc_source: NO_MDC },
	{ code: 'cervical_flexion', label: 'Cervical flexion', normal_degrees: 45, reference_source: `${AAOS}; 50 in Muscolino`, mdc_degrees: CERVICAL_MDC, mdc_source: CERVICAL_MDC_SOURCE },
	{ code: 'cervical_extension', label: 'Cervical extension', normal_degrees: 45, reference_source: `${AAOS}; 80 in Muscolino`, mdc_degrees: CERVICAL_MDC, mdc_source: CERVICAL_MDC_SOURCE },
	{ code: 'cervical_lateral_flexion', label: 'Cervical lateral flexion', normal_degrees: 45, reference_source: AAOS, mdc_degrees: CERVICAL_MDC, mdc_source: CERVICAL_MDC_SOURCE },
	{ code: 'cervical_rotation', label: 'Cervical rotation', normal_degrees: 80, reference_source: AAOS, mdc_degrees: CERVICAL_MDC, mdc_source: CERVICAL_MDC_SOURCE },
	{ code: 'lumbar_flexion', label: 'Trunk/lumbar flexion', normal_degrees: 90, reference_source: AAOS, mdc_degrees: null, mdc_source: NO_MDC },
	{ code: 'lumbar_extension', label: 'Trunk/lumbar extension', normal_degrees: 30, reference_source: AAOS, mdc_degrees: null, mdc_source: NO_MDC }
];

export const ROM_MOVEMENT_CODES = ROM_MOVEMENTS.map((m) => m.code) as [string, ...string[]];

/** A movement by its code; an unknown code (not in the reference list) is refused. */
export function romMovement(code: string): RomMovement {
	const movement = ROM_MOVEMENTS.find((m) => m.code === code);
	if (!movement) throw new Error(`invalid ROM movement: ${code}`);
	return movement;
}
