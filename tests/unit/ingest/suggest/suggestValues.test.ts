import { describe, expect, it } from 'vitest';
import { ageBandOf } from '$lib/ingest/suggest/ageBand';
import { canonicalValues, suggestValueMap } from '$lib/ingest/suggest/suggestValues';

describe('suggestValueMap', () => {
	it('maps technique labels, abbreviations and synonyms', () => {
		expect(
			suggestValueMap('primary_technique', [
				'DT', 'Deep Tissue Massage', 'deep-tissue', ' Deep tissue ', 'deep_tissue', 'Swedish massage', 'Relaxation', 'Swedish (relaxation)',
				'TrP', 'Trigger point therapy', 'MFR', 'Myofascial Release', 'MLD', 'Lymphatic', 'PNF', 'Stretching / PNF', 'Sports Massage',
				'Prenatal massage', 'Hydrotherapy', 'Remedial exercise', 'Other'
			])
		).toEqual({
			DT: 'deep_tissue', 'Deep Tissue Massage': 'deep_tissue', 'deep-tissue': 'deep_tissue', 'Deep tissue': 'deep_tissue', deep_tissue: 'deep_tissue',
			'Swedish massage': 'swedish', Relaxation: 'swedish', 'Swedish (relaxation)': 'swedish', TrP: 'trigger_point',
			'Trigger point therapy': 'trigger_point', MFR: 'myofascial_release', 'Myofascial Release': 'myofascial_release', MLD: 'lymphatic_drainage',
			Lymphatic: 'lymphatic_drainage', PNF: 'stretching_pnf', 'Stretching / PNF': 'stretching_pnf', 'Sports Massage': 'sports',
			'Prenatal massage': 'prenatal', Hydrotherapy: 'hydrotherapy', 'Remedial exercise': 'remedial_exercise', Other: 'other'
		});
	});

	it('maps other techniques one item at a time, like the primary technique', () => {
		expect(suggestValueMap('other_techniques', ['MFR', 'TrP', 'Cupping'])).toEqual({ MFR: 'myofascial_release', TrP: 'trigger_point' });
	});

	it('leaves out what it cannot place', () => {
		expect(suggestValueMap('primary_technique', ['Hot stone', 'Massage', 'Reiki', '', '  ', 'Deep tissue / Swedish'])).toEqual({});
		expect(suggestValueMap('primary_condition', ['Whiplash', 'Back pain', 'Migraine'])).toEqual({});
	});

	it('maps conditions', () => {
		expect(
			suggestValueMap('primary_condition', [
				'LBP', 'Low back pain', 'Lower back', 'Chronic Low Back Pain', 'Headache', 'TTH', 'RSI', 'Post-op', 'Anxiety', 'Stress', 'Anxiety / stress',
				'Neck pain', 'Frozen shoulder', 'Fibro', 'OA', 'MVA', 'Motor-vehicle injury', 'Sports injury', 'HTN', 'Pregnancy', 'Wellness', 'Insomnia'
			])
		).toEqual({
			LBP: 'chronic_low_back_pain', 'Low back pain': 'chronic_low_back_pain', 'Lower back': 'chronic_low_back_pain',
			'Chronic Low Back Pain': 'chronic_low_back_pain', Headache: 'tension_headache', TTH: 'tension_headache', RSI: 'repetitive_strain',
			'Post-op': 'post_surgical', Anxiety: 'anxiety_stress', Stress: 'anxiety_stress', 'Anxiety / stress': 'anxiety_stress', 'Neck pain': 'neck_pain',
			'Frozen shoulder': 'shoulder', Fibro: 'fibromyalgia', OA: 'osteoarthritis', MVA: 'mva_injury', 'Motor-vehicle injury': 'mva_injury',
			'Sports injury': 'sports_injury', HTN: 'hypertension', Pregnancy: 'prenatal', Wellness: 'general_wellness', Insomnia: 'insomnia'
		});
	});

	it('maps sex', () => {
		expect(suggestValueMap('sex', ['F', 'Female', 'Woman', 'f', 'M', 'Male', 'Man', 'X', 'Non-binary', 'Other', 'Unknown', 'Prefer not to say', 'Q'])).toEqual({
			F: 'female', Female: 'female', Woman: 'female', f: 'female', M: 'male', Male: 'male', Man: 'male', X: 'other', 'Non-binary': 'other',
			Other: 'other', Unknown: 'unknown', 'Prefer not to say': 'unknown'
		});
	});

	it('maps age bands and whole-number ages, never under 18', () => {
		expect(
			suggestValueMap('age_band', ['40-49', '40 to 49', '40s', "40's", '40 – 49', '47', '18', '29', '80', '92', '80+', '85 and over', '18-29', '20-29', '17', '12-17', '25-34', '65+', 'adult', '47.5', '130'])
		).toEqual({
			'40-49': '40-49', '40 to 49': '40-49', '40s': '40-49', "40's": '40-49', '40 – 49': '40-49', '47': '40-49', '18': '18-29', '29': '18-29',
			'80': '80+', '92': '80+', '80+': '80+', '85 and over': '80+', '18-29': '18-29', '20-29': '18-29'
		});
	});

	it('maps timepoints: before/pre to pre, baseline/intake to intake', () => {
		expect(
			suggestValueMap('timepoint', ['before', 'pre', 'Pre-treatment', 'PRE', 'after', 'post', 'Post treatment', 'baseline', 'Intake', 'Initial', 'discharge', 'Final', 'follow-up', 'pre/post'])
		).toEqual({
			before: 'pre', pre: 'pre', 'Pre-treatment': 'pre', PRE: 'pre', after: 'post', post: 'post', 'Post treatment': 'post', baseline: 'intake',
			Intake: 'intake', Initial: 'intake', discharge: 'discharge', Final: 'discharge'
		});
	});

	it('maps instruments, never a PSS other than the 10-item version', () => {
		expect(
			suggestValueMap('instrument', [
				'Pain', 'NPRS', 'NRS pain', 'Pain NRS', '72514-3', 'Pain (0-10)', 'VAS', 'VAS pain', 'Pain (0-100 mm VAS)', 'Stress', 'PSS', 'PSS-10', 'PSS10',
				'Perceived Stress Scale', 'Sleep', 'Sleep quality', 'PSQI', 'NDI', 'Neck Disability Index', 'ODI', 'Oswestry', 'PSFS', 'ROM', 'Range of motion',
				'PSS-14', 'PSS-4', 'Mood', 'Pain pre'
			])
		).toEqual({
			Pain: 'pain_nrs', NPRS: 'pain_nrs', 'NRS pain': 'pain_nrs', 'Pain NRS': 'pain_nrs', '72514-3': 'pain_nrs', 'Pain (0-10)': 'pain_nrs',
			VAS: 'pain_vas', 'VAS pain': 'pain_vas', 'Pain (0-100 mm VAS)': 'pain_vas', Stress: 'stress_nrs', PSS: 'pss10', 'PSS-10': 'pss10',
			PSS10: 'pss10', 'Perceived Stress Scale': 'pss10', Sleep: 'sleep_nrs', 'Sleep quality': 'sleep_nrs', PSQI: 'psqi', NDI: 'ndi',
			'Neck Disability Index': 'ndi', ODI: 'odi', Oswestry: 'odi', PSFS: 'psfs', ROM: 'rom', 'Range of motion': 'rom'
		});
	});

	it('maps sides and range-of-motion movements', () => {
		expect(suggestValueMap('side', ['L', 'R', 'Both', 'left', 'Rt', 'Bilateral', 'up'])).toEqual({
			L: 'left', R: 'right', Both: 'bilateral', left: 'left', Rt: 'right', Bilateral: 'bilateral'
		});
		expect(
			suggestValueMap('rom_movement', ['Cervical rotation', 'Neck rotation', 'Shoulder ER', 'Shoulder internal rotation', 'Trunk/lumbar flexion', 'shoulder_flexion', 'Hip abd', 'Cervical side bending', 'Knee flexion', 'Cervical rotation left'])
		).toEqual({
			'Cervical rotation': 'cervical_rotation', 'Neck rotation': 'cervical_rotation', 'Shoulder ER': 'shoulder_external_rotation',
			'Shoulder internal rotation': 'shoulder_internal_rotation', 'Trunk/lumbar flexion': 'lumbar_flexion', shoulder_flexion: 'shoulder_flexion',
			'Hip abd': 'hip_abduction', 'Cervical side bending': 'cervical_lateral_flexion'
		});
	});

	it('maps body regions and pressures', () => {
		expect(suggestValueMap('body_region', ['Lower back', 'Neck', 'Full body', 'Upper back', 'Arms', 'Hips', 'Legs', 'Head', 'Shoulders', 'Knee'])).toEqual({
			'Lower back': 'low_back', Neck: 'neck', 'Full body': 'full_body', 'Upper back': 'upper_back', Arms: 'arms', Hips: 'hip', Legs: 'legs', Head: 'head',
			Shoulders: 'shoulder'
		});
		expect(suggestValueMap('pressure', ['Light', 'Medium', 'Moderate', 'Firm', 'Deep', 'Very firm', 'Extreme'])).toEqual({
			Light: 'light', Medium: 'moderate', Moderate: 'moderate', Firm: 'firm', Deep: 'deep', 'Very firm': 'deep'
		});
	});

	it('suggests nothing for fields without a controlled list', () => {
		expect(suggestValueMap('client_id', ['C1'])).toEqual({});
		expect(suggestValueMap('value', ['4'])).toEqual({});
		expect(suggestValueMap('pain_nrs_pre', ['4'])).toEqual({});
	});
});

describe('ageBandOf', () => {
	it('top-codes 80 and over and refuses bands that straddle ours', () => {
		expect(['79', '80', '104', '75-84', '75+', '90+', '18–24', '30-39 years'].map(ageBandOf)).toEqual(['70-79', '80+', '80+', null, null, '80+', '18-29', '30-39']);
	});
});

describe('canonicalValues', () => {
	it('lists codes with labels for a select box', () => {
		expect(canonicalValues('primary_technique').slice(0, 2)).toEqual([
			{ code: 'swedish', label: 'Swedish (relaxation)' },
			{ code: 'deep_tissue', label: 'Deep tissue' }
		]);
		expect(canonicalValues('other_techniques')).toEqual(canonicalValues('primary_technique'));
		expect(canonicalValues('primary_condition')[0]).toEqual({ code: 'chronic_low_back_pain', label: 'Chronic low back pain' });
		expect(canonicalValues('sex')).toEqual([
			{ code: 'female', label: 'Female' },
			{ code: 'male', label: 'Male' },
			{ code: 'other', label: 'Other' },
			{ code: 'unknown', label: 'Unknown' },
			{ code: 'all', label: 'All (recoded)' }
		]);
		expect(canonicalValues('age_band').map((v) => v.label)).toEqual([
			'18-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+', '18-39 (recoded)', '40-59 (recoded)', '60+ (recoded)', 'All ages (recoded)'
		]);
		expect(canonicalValues('primary_condition').slice(-2)).toEqual([
			{ code: 'systemic_other', label: 'Systemic and other (group)' },
			{ code: 'all', label: 'All conditions (recoded)' }
		]);
	});

	it('keeps the codes a k-anonymous export recodes to, and still reads a file’s own words as conditions', () => {
		expect(suggestValueMap('primary_condition', ['headache', 'pregnancy', 'all', 'Headache', 'Pregnancy'])).toEqual({
			headache: 'headache', pregnancy: 'pregnancy', all: 'all', Headache: 'tension_headache', Pregnancy: 'prenatal'
		});
		expect(suggestValueMap('age_band', ['60+', '40-59', 'all', '45'])).toEqual({ '60+': '60+', '40-59': '40-59', all: 'all', '45': '40-49' });
		expect(suggestValueMap('sex', ['all', 'F'])).toEqual({ all: 'all', F: 'female' });
		expect(canonicalValues('body_region').map((v) => v.label)).toEqual(['Head', 'Neck', 'Upper back', 'Low back', 'Shoulder', 'Arms', 'Hip', 'Legs', 'Full body']);
		expect(canonicalValues('pressure').map((v) => v.code)).toEqual(['light', 'moderate', 'firm', 'deep']);
		expect(canonicalValues('instrument')[0]).toEqual({ code: 'pain_nrs', label: 'Pain (0-10)' });
		expect(canonicalValues('timepoint')).toEqual([
			{ code: 'pre', label: 'Pre (before the session)' },
			{ code: 'post', label: 'Post (after the session)' },
			{ code: 'intake', label: 'Intake (start of the course)' },
			{ code: 'discharge', label: 'Discharge (end of the course)' }
		]);
		expect(canonicalValues('rom_movement')[0]).toEqual({ code: 'shoulder_flexion', label: 'Shoulder flexion' });
		expect(canonicalValues('side').map((v) => v.label)).toEqual(['Left', 'Right', 'Bilateral']);
		expect(canonicalValues('client_id')).toEqual([]);
	});
});
