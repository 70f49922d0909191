import type { MappingPreset } from '../importFields';

/** The template's technique choices (static/templates/redcap-massage-outcomes-dictionary.csv) → technique codes. */
const TECHNIQUES: Record<string, string> = {
	'Swedish (relaxation)': 'swedish',
	'Deep tissue': 'deep_tissue',
	'Trigger point': 'trigger_point',
	'Myofascial release': 'myofascial_release',
	Sports: 'sports',
	'Lymphatic drainage': 'lymphatic_drainage',
	Prenatal: 'prenatal',
	'Stretching / PNF': 'stretching_pnf',
	Hydrotherapy: 'hydrotherapy',
	'Remedial exercise': 'remedial_exercise',
	Other: 'other'
};

/**
 * A REDCap project started from the shipped template dictionary, after the REDCap adapter: one row per session
 * (an instance of the repeating "session" instrument) with the intake form's age band, sex and condition carried
 * onto it. The session id is the adapter's `session_key` ("<record>-<event>-<instance>"), the session number the
 * repeat instance. Clinics that changed the template adjust the mapping before importing.
 */
export const REDCAP_PRESET: MappingPreset = {
	name: 'REDCap',
	description: 'REDCap records export (raw) with its data dictionary, from the massage outcomes template',
	mapping: {
		layout: 'wide',
		fields: {
			session_id: { column: 'session_key' },
			client_id: { column: 'record_id' },
			therapist_id: { column: 'therapist' },
			clinic_id: { column: 'clinic' },
			session_date: { column: 'visit_date' },
			session_number: { column: 'redcap_repeat_instance' },
			duration_min: { column: 'duration' },
			primary_technique: { column: 'primary_tech' },
			other_techniques: { column: 'other_tech' },
			body_region: { column: 'region' },
			pressure: { column: 'pressure' },
			age_band: { column: 'age_band' },
			sex: { column: 'sex' },
			primary_condition: { column: 'condition' },
			pain_nrs_pre: { column: 'pain_pre' },
			pain_nrs_post: { column: 'pain_post' },
			stress_nrs_pre: { column: 'stress_pre' },
			stress_nrs_post: { column: 'stress_post' },
			sleep_nrs_pre: { column: 'sleep_pre' }
		},
		values: {
			primary_technique: TECHNIQUES,
			other_techniques: TECHNIQUES,
			body_region: {
				Head: 'head',
				Neck: 'neck',
				'Upper back': 'upper_back',
				'Low back': 'low_back',
				Shoulder: 'shoulder',
				Arms: 'arms',
				Hip: 'hip',
				Legs: 'legs',
				'Full body': 'full_body'
			},
			pressure: { Light: 'light', Moderate: 'moderate', Firm: 'firm', Deep: 'deep' },
			age_band: {
				'18-29': '18-29',
				'30-39': '30-39',
				'40-49': '40-49',
				'50-59': '50-59',
				'60-69': '60-69',
				'70-79': '70-79',
				'80+': '80+'
			},
			sex: { Female: 'female', Male: 'male', Other: 'other', 'Prefer not to say': 'unknown' },
			primary_condition: {
				'Chronic low back pain': 'chronic_low_back_pain',
				'Neck pain': 'neck_pain',
				Shoulder: 'shoulder',
				'Tension headache': 'tension_headache',
				Fibromyalgia: 'fibromyalgia',
				Osteoarthritis: 'osteoarthritis',
				'Repetitive strain': 'repetitive_strain',
				'Sports injury': 'sports_injury',
				'Motor-vehicle injury': 'mva_injury',
				'Post-surgical': 'post_surgical',
				'Anxiety / stress': 'anxiety_stress',
				Insomnia: 'insomnia',
				Hypertension: 'hypertension',
				Prenatal: 'prenatal',
				'General wellness': 'general_wellness',
				Other: 'other'
			}
		},
		dateFormat: 'YYYY-MM-DD',
		decimalMark: 'point'
	}
};
