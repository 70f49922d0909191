import type { MappingPreset } from '../importFields';

/**
 * Technique names as FHIR exports write them in Procedure.code and Encounter.type (a clinic's own code system,
 * or HL7's service-type list for Encounter.serviceType: 21 Hydrotherapy, 31 Relaxation Therapy) → technique codes.
 */
const TECHNIQUES: Record<string, string> = {
	'Swedish massage': 'swedish',
	'Relaxation massage': 'swedish',
	'Relaxation Therapy': 'swedish',
	'Deep tissue massage': 'deep_tissue',
	'Trigger point therapy': 'trigger_point',
	'Myofascial release': 'myofascial_release',
	'Sports massage': 'sports',
	'Manual lymphatic drainage': 'lymphatic_drainage',
	'Lymphatic drainage': 'lymphatic_drainage',
	'Prenatal massage': 'prenatal',
	'PNF stretching': 'stretching_pnf',
	'Hydrotherapy (hot/cold)': 'hydrotherapy',
	Hydrotherapy: 'hydrotherapy',
	'Remedial exercise': 'remedial_exercise'
};

/** SNOMED CT conditions (preferred term, fully specified name, and the bare concept id when there is no display) → condition codes. */
const CONDITIONS: Record<string, string> = Object.fromEntries(
	(
		[
			['279039007', 'Low back pain', 'finding', 'chronic_low_back_pain'],
			['81680005', 'Neck pain', 'finding', 'neck_pain'],
			['45326000', 'Shoulder pain', 'finding', 'shoulder'],
			['398057008', 'Tension-type headache', 'disorder', 'tension_headache'],
			['203082005', 'Fibromyalgia', 'disorder', 'fibromyalgia'],
			['396275006', 'Osteoarthritis', 'disorder', 'osteoarthritis'],
			['48694002', 'Anxiety', 'finding', 'anxiety_stress'],
			['73595000', 'Stress', 'finding', 'anxiety_stress'],
			['193462001', 'Insomnia', 'disorder', 'insomnia'],
			['38341003', 'Hypertension', 'disorder', 'hypertension']
		] as const
	).flatMap(([code, term, tag, canonical]) => [
		[code, canonical],
		[term, canonical],
		[`${term} (${tag})`, canonical]
	])
);

/**
 * A FHIR R4 Bulk Data export after the FHIR adapter: one row per score (long layout), the Encounter as the session,
 * its Patient, Practitioner and Organization ids, technique from its Procedures and condition from the patient's
 * Condition. The adapter has already named each score's instrument and timepoint with the app's codes.
 */
export const FHIR_PRESET: MappingPreset = {
	name: 'FHIR',
	description: 'FHIR R4 Bulk Data export (NDJSON): Patient, Encounter, Procedure, Condition, Observation, QuestionnaireResponse',
	mapping: {
		layout: 'long',
		fields: {
			session_id: { column: 'encounter' },
			client_id: { column: 'patient' },
			therapist_id: { column: 'practitioner' },
			clinic_id: { column: 'organization' },
			session_date: { column: 'date' },
			primary_technique: { column: 'technique' },
			other_techniques: { column: 'other_techniques' },
			primary_condition: { column: 'condition' },
			instrument: { column: 'instrument' },
			timepoint: { column: 'timepoint' },
			value: { column: 'value' }
		},
		values: {
			primary_technique: TECHNIQUES,
			other_techniques: TECHNIQUES,
			primary_condition: { ...CONDITIONS, 'Tension headache': 'tension_headache' }
		},
		dateFormat: 'YYYY-MM-DD',
		decimalMark: 'point'
	}
};
