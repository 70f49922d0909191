import { describe, expect, it } from 'vitest';
import { suggestMapping } from '$lib/ingest/suggest/suggestMapping';

/** The field one header is suggested for, alone (or beside `others`), or null. */
function fieldOf(header: string, others: string[] = []): string | null {
	const { fields } = suggestMapping([header, ...others]);
	return Object.entries(fields).find(([, source]) => 'column' in source && source.column === header)?.[0] ?? null;
}

describe('suggestMapping', () => {
	it('maps a real clinic export, leaving Notes unmapped', () => {
		const headers = ['Client #', 'Appt Date', 'Service', 'RMT', 'Location', 'Pain Before (0-10)', 'Pain After (0-10)', 'Stress Before', 'Stress After', 'Notes'];
		const mapping = suggestMapping(headers);
		expect(mapping).toEqual({
			layout: 'wide',
			fields: {
				client_id: { column: 'Client #' },
				session_date: { column: 'Appt Date' },
				primary_technique: { column: 'Service' },
				therapist_id: { column: 'RMT' },
				clinic_id: { column: 'Location' },
				pain_nrs_pre: { column: 'Pain Before (0-10)' },
				pain_nrs_post: { column: 'Pain After (0-10)' },
				stress_nrs_pre: { column: 'Stress Before' },
				stress_nrs_post: { column: 'Stress After' }
			},
			values: {},
			dateFormat: 'auto',
			decimalMark: 'auto'
		});
	});

	it.each([
		['client_id', ['Client ID', 'Client #', 'client no.', 'ClientID', 'patient_id', 'record_id', 'Patient Number', 'client']],
		['session_id', ['Session ID', 'visit_id', 'session_id']],
		['session_date', ['Visit date', 'Appointment date', 'Date of service', 'DOS', 'date', 'Session Date', 'Treatment date', 'appt_date']],
		['primary_technique', ['Modality', 'Treatment', 'Technique', 'Service', 'Massage type', 'Type of massage', 'Primary technique', 'Tx']],
		['other_techniques', ['Other techniques', 'Additional techniques']],
		['primary_condition', ['Condition', 'Diagnosis', 'Reason for visit', 'Complaint', 'Chief complaint', 'Dx']],
		['therapist_id', ['Therapist', 'RMT', 'Provider', 'Practitioner', 'Therapist ID', 'Clinician']],
		['clinic_id', ['Location', 'Clinic', 'Site', 'clinic_id', 'Branch']],
		['session_number', ['Visit #', 'Session number', 'Visit No', 'session_number', 'Treatment #']],
		['duration_min', ['Duration', 'Length (min)', 'Minutes', 'Duration (minutes)', 'duration_min', 'Session length [min]']],
		['age_band', ['Age group', 'Age range', 'Age band', 'Age', 'Age (years)']],
		['sex', ['Sex', 'Gender', 'SEX']],
		['pressure', ['Pressure', 'Pressure level']],
		['body_region', ['Body area', 'Region', 'Body region', 'Area treated']]
	])('recognises %s headers', (field, headers) => {
		for (const header of headers) expect([header, fieldOf(header)]).toEqual([header, field]);
	});

	it.each([
		['pain_nrs_pre', ['Pain before', 'Pain pre', 'pre_pain', 'Pain NRS (pre)', 'NPRS before', 'Pain Before (0-10)', 'pain_nrs_pre', 'PAIN  -  BEFORE', 'Pain score pre-treatment', 'Pain rating before [0-10]']],
		['pain_nrs_post', ['Pain after', 'post pain', 'Pain After (0-10)', 'Post-treatment pain', 'PainPost']],
		['pain_vas_pre', ['VAS pain pre (mm)', 'Pain VAS before', 'pain_vas_pre']],
		['stress_nrs_pre', ['Stress before', 'Stress pre', 'pre_stress', 'Stress level before (0-10)']],
		['stress_nrs_post', ['Stress after', 'post stress']],
		['sleep_nrs_pre', ['Sleep before', 'Sleep quality pre']],
		['sleep_nrs_post', ['Sleep after', 'Sleep quality (0-10) after']],
		['pain_nrs_intake', ['Pain baseline', 'Initial pain', 'Pain at intake']],
		['pain_nrs_discharge', ['Pain discharge', 'Final pain']],
		['pss10_intake', ['PSS-10 intake', 'PSS10 baseline', 'Perceived stress scale intake']],
		['ndi_intake', ['NDI intake', 'Neck Disability Index (0-50) baseline']],
		['odi_discharge', ['ODI discharge', 'Oswestry discharge']],
		['psqi_intake', ['PSQI intake']],
		['psfs_pre', ['PSFS pre']],
		['rom_cervical_rotation_left_pre', ['rom_cervical_rotation_left_pre', 'ROM cervical rotation L pre', 'Neck rotation left before (deg)', 'Cervical rotation (left) pre']],
		['rom_shoulder_external_rotation_right_post', ['Shoulder ER R post', 'ROM shoulder external rotation right post']],
		['rom_cervical_flexion_bilateral_post', ['Cervical flexion ROM post']]
	])('recognises %s score headers', (field, headers) => {
		for (const header of headers) expect([header, fieldOf(header)]).toEqual([header, field]);
	});

	it('never suggests anything for headers it does not know', () => {
		const headers = [
			'Notes', 'Comments', 'Therapist Name', 'Date of Birth', 'Client Name', 'Invoice total', 'Pain location', 'Neck pain before',
			'Pain change', 'Pain before and after', 'Pain pre post', 'PSS-14 intake', 'PSS-4 pre', 'Shoulder rotation pre', 'Knee flexion left pre',
			'Cervical rotation pre', 'Stress', 'Pain', 'Time', 'Score', 'Side', 'Movement', 'Pain left pre', ''
		];
		expect(suggestMapping(headers).fields).toEqual({});
	});

	it('gives each field at most one column, the best fit', () => {
		expect(suggestMapping(['Date', 'Visit date', 'Pain NRS (pre)', 'Pain before', 'pre_pain']).fields).toEqual({
			session_date: { column: 'Visit date' },
			pain_nrs_pre: { column: 'Pain NRS (pre)' }
		});
		expect(suggestMapping(['Service', 'Technique', 'Treatment']).fields).toEqual({ primary_technique: { column: 'Technique' } });
		expect(suggestMapping(['Client', 'Client ID']).fields).toEqual({ client_id: { column: 'Client ID' } });
	});

	it('reads units in brackets and odd spacing, accents and case', () => {
		expect(
			suggestMapping(['  CLIENT   ID ', 'Durée (min)', 'Length [min]', 'Pain (0–10) before', 'Âge group', 'pain__after', 'Client ID (pseudonymous)']).fields
		).toEqual({
			client_id: { column: '  CLIENT   ID ' },
			pain_nrs_pre: { column: 'Pain (0–10) before' },
			pain_nrs_post: { column: 'pain__after' },
			duration_min: { column: 'Length [min]' },
			age_band: { column: 'Âge group' }
		});
	});

	it('chooses the long layout when there are an instrument and a value column', () => {
		const mapping = suggestMapping(['record_id', 'Visit #', 'Visit date', 'Measure', 'Time', 'Score', 'Movement', 'Side', 'Notes']);
		expect(mapping).toEqual({
			layout: 'long',
			fields: {
				client_id: { column: 'record_id' },
				session_number: { column: 'Visit #' },
				session_date: { column: 'Visit date' },
				instrument: { column: 'Measure' },
				timepoint: { column: 'Time' },
				value: { column: 'Score' },
				rom_movement: { column: 'Movement' },
				side: { column: 'Side' }
			},
			values: {},
			dateFormat: 'auto',
			decimalMark: 'auto'
		});
	});

	it.each([
		['instrument', ['Measure', 'Instrument', 'Outcome', 'Scale', 'Outcome measure'], 'Score'],
		['timepoint', ['Time', 'Timepoint', 'When', 'Pre/Post', 'Time point'], 'Measure'],
		['value', ['Score', 'Value', 'Result'], 'Measure'],
		['rom_movement', ['Movement', 'ROM movement'], 'Measure'],
		['side', ['Side', 'Laterality'], 'Measure']
	])('recognises long-layout %s headers', (field, headers, partner) => {
		const others = field === 'instrument' ? [partner] : [partner, field === 'value' ? 'Value (other)' : 'Value'];
		for (const header of headers) {
			expect(suggestMapping([header, ...others]).layout).toBe('long');
			expect([header, fieldOf(header, others)]).toEqual([header, field]);
		}
	});

	it('keeps wide score columns out of a long mapping and long fields out of a wide one', () => {
		expect(suggestMapping(['Instrument', 'Value', 'Pain before']).fields).toEqual({ instrument: { column: 'Instrument' }, value: { column: 'Value' } });
		expect(suggestMapping(['Pain before', 'Time', 'Side']).fields).toEqual({ pain_nrs_pre: { column: 'Pain before' } });
	});

	it('uses header labels (REDCap field labels) when the header itself says nothing', () => {
		const mapping = suggestMapping(['record_id', 'q1', 'q2', 'q3', 'dt'], {
			q1: 'Pain before treatment (0-10)',
			q2: 'Pain after treatment (0-10)',
			q3: 'What did you think of the visit?',
			dt: 'Date of visit'
		});
		expect(mapping.fields).toEqual({
			client_id: { column: 'record_id' },
			pain_nrs_pre: { column: 'q1' },
			pain_nrs_post: { column: 'q2' },
			session_date: { column: 'dt' }
		});
	});

	it('prefers a header over another column’s label', () => {
		expect(suggestMapping(['x1', 'Pain before'], { x1: 'Pain before' }).fields).toEqual({ pain_nrs_pre: { column: 'Pain before' } });
	});
});
