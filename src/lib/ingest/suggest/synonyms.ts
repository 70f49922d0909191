import type { LongMeasureField, SessionField } from '../importFields';
import { headerKey, valueKey } from './normalise';

/**
 * Headers that name each session and long-layout field, most specific first (an earlier synonym wins over a
 * later one when two columns fit). Matched whole, after `headerKey`; instrument scores are read by
 * `readMeasureWords` instead.
 */
const HEADER_SYNONYMS: Record<SessionField | LongMeasureField, string[]> = {
	session_id: ['session id', 'visit id', 'encounter id', 'session key', 'session code'],
	client_id: [
		'client id', 'client number', 'client code', 'patient id', 'patient number', 'patient code', 'participant id',
		'subject id', 'study id', 'record id', 'pseudonym', 'client', 'patient', 'participant'
	],
	therapist_id: [
		'therapist id', 'therapist code', 'therapist number', 'rmt id', 'provider id', 'practitioner id', 'clinician id', 'staff id',
		'therapist', 'rmt', 'provider', 'practitioner', 'clinician', 'treating therapist', 'staff'
	],
	clinic_id: ['clinic id', 'clinic code', 'location id', 'site id', 'clinic', 'location', 'site', 'branch', 'clinic location'],
	session_date: [
		'session date', 'visit date', 'appointment date', 'date of visit', 'date of service', 'service date', 'treatment date',
		'date of treatment', 'encounter date', 'dos', 'date'
	],
	day_offset: ['days since first visit', 'day offset', 'days since first session', 'days since intake', 'study day', 'days from first visit'],
	session_number: [
		'session number', 'visit number', 'treatment number', 'appointment number', 'session count', 'visit count',
		'session sequence', 'visit sequence'
	],
	duration_min: [
		'duration min', 'duration', 'session length', 'treatment length', 'appointment length', 'session duration',
		'treatment duration', 'length', 'minutes', 'mins', 'time min'
	],
	primary_technique: [
		'primary technique', 'main technique', 'technique', 'primary modality', 'modality', 'massage type', 'type of massage',
		'massage technique', 'treatment type', 'service type', 'treatment', 'service', 'technique used'
	],
	other_techniques: [
		'other techniques', 'other technique', 'additional techniques', 'secondary techniques', 'other modalities',
		'additional modalities'
	],
	body_region: ['body region', 'body area', 'region', 'area treated', 'region treated', 'treatment area', 'body part', 'area', 'focus area'],
	pressure: ['pressure', 'pressure level', 'massage pressure'],
	age_band: ['age band', 'age group', 'age range', 'age bracket', 'age category', 'age'],
	sex: ['sex', 'gender', 'sex gender', 'gender identity'],
	primary_condition: [
		'primary condition', 'condition', 'diagnosis', 'reason for visit', 'chief complaint', 'presenting complaint',
		'main complaint', 'primary complaint', 'complaint', 'presenting condition', 'condition group', 'indication'
	],
	instrument: ['instrument', 'measure', 'outcome measure', 'outcome', 'scale', 'questionnaire', 'measure name', 'instrument name'],
	timepoint: ['timepoint', 'time point', 'time', 'when', 'pre post', 'phase', 'measurement time'],
	value: ['value', 'score', 'result', 'rating', 'measure value', 'outcome value', 'value number'],
	rom_movement: ['rom movement', 'movement', 'motion', 'rom motion'],
	side: ['side', 'laterality', 'rom side']
};

/** Each field's header synonyms as `headerKey` gives them, the field's own name first. */
export const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
	Object.entries(HEADER_SYNONYMS).map(([field, list]) => [field, [...new Set([headerKey(field), ...list.map((s) => headerKey(s))])]])
);

/** A controlled list's value → its code: abbreviations and common ways clinics write them (codes and labels match anyway). */
const RAW_VALUE_SYNONYMS = {
	technique: {
		swedish: ['relaxation', 'relax', 'swedish relaxation', 'classic', 'classical'],
		deep_tissue: ['dt', 'dtm', 'deep', 'deeptissue'],
		trigger_point: ['trp', 'tp', 'trigger points', 'triggerpoint', 'trigger point release'],
		myofascial_release: ['mfr', 'myofascial', 'fascial release'],
		sports: ['sport'],
		lymphatic_drainage: ['mld', 'manual lymphatic drainage', 'lymphatic', 'lymph drainage', 'lymph'],
		prenatal: ['pregnancy', 'pre natal', 'perinatal', 'maternity'],
		stretching_pnf: ['pnf', 'stretching', 'stretch', 'proprioceptive neuromuscular facilitation'],
		hydrotherapy: ['hydro'],
		remedial_exercise: ['remedial exercises', 'exercise', 'exercises', 'rehab exercise', 'home care exercise']
	},
	primary_condition: {
		chronic_low_back_pain: ['low back pain', 'lbp', 'clbp', 'lower back', 'lower back pain', 'low back', 'lumbar pain', 'lumbago'],
		neck_pain: ['neck', 'cervical pain', 'stiff neck', 'neck stiffness'],
		shoulder: ['shoulder pain', 'frozen shoulder', 'rotator cuff', 'adhesive capsulitis', 'shoulder injury'],
		tension_headache: ['headache', 'headaches', 'tth', 'tension type headache', 'tension headaches'],
		fibromyalgia: ['fibro', 'fm'],
		osteoarthritis: ['oa', 'arthritis'],
		repetitive_strain: ['rsi', 'repetitive strain injury', 'overuse', 'overuse injury'],
		sports_injury: ['sport injury', 'athletic injury'],
		mva_injury: ['mva', 'mvc', 'motor vehicle accident', 'motor vehicle collision', 'motor vehicle injury', 'car accident'],
		post_surgical: ['post op', 'postop', 'post operative', 'postoperative', 'post surgery', 'surgery'],
		anxiety_stress: ['anxiety', 'stress', 'stress anxiety', 'stress management'],
		insomnia: ['sleep problems', 'poor sleep', 'sleep issues'],
		hypertension: ['htn', 'high blood pressure'],
		prenatal: ['pregnancy', 'pregnant'],
		general_wellness: ['wellness', 'relaxation', 'maintenance', 'general']
	},
	sex: {
		female: ['f', 'woman', 'women', 'fem'],
		male: ['m', 'man', 'men'],
		other: ['x', 'non binary', 'nonbinary', 'nb', 'intersex', 'two spirit', 'gender diverse'],
		unknown: ['u', 'not stated', 'prefer not to say', 'declined', 'unspecified', 'not specified', 'n a']
	},
	body_region: {
		head: ['scalp', 'face'],
		neck: ['cervical'],
		upper_back: ['thoracic', 'mid back', 'upper and mid back', 'mid upper back'],
		low_back: ['lower back', 'lumbar', 'lumbosacral'],
		shoulder: ['shoulders'],
		arms: ['arm', 'upper limb', 'upper limbs', 'upper extremity', 'forearm', 'forearms', 'hand', 'hands'],
		hip: ['hips', 'glutes', 'gluteal', 'pelvis'],
		legs: ['leg', 'lower limb', 'lower limbs', 'lower extremity', 'thigh', 'thighs', 'calf', 'calves', 'foot', 'feet'],
		full_body: ['whole body', 'full', 'fb', 'general']
	},
	pressure: {
		light: ['gentle', 'soft'],
		moderate: ['medium', 'normal'],
		firm: ['strong'],
		deep: ['heavy', 'very firm']
	},
	instrument: {
		sleep_nrs: ['sleep quality'],
		pss10: ['pss 10', 'perceived stress scale']
	}
} satisfies Record<string, Record<string, string[]>>;

/** Words a technique's name may carry that do not tell techniques apart ("Swedish massage", "Trigger point therapy"). */
export const TECHNIQUE_FILLER = new Set(['massage', 'therapy', 'therapeutic', 'technique', 'techniques', 'treatment', 'work']);

/** Per controlled list (technique, primary_condition, sex, body_region, pressure, instrument): `valueKey` → code. */
export const VALUE_SYNONYMS: Readonly<Record<string, ReadonlyMap<string, string>>> = Object.fromEntries(
	Object.entries(RAW_VALUE_SYNONYMS).map(([list, byCode]) => [
		list,
		new Map(Object.entries(byCode as Record<string, string[]>).flatMap(([code, names]) => names.map((n) => [valueKey(n), code] as const)))
	])
);
