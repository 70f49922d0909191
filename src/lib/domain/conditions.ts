/** Conditions a clinic treats: a client's primary condition comes from this list. */
export const CONDITIONS = [
	'chronic_low_back_pain',
	'neck_pain',
	'shoulder',
	'tension_headache',
	'fibromyalgia',
	'osteoarthritis',
	'repetitive_strain',
	'sports_injury',
	'mva_injury',
	'post_surgical',
	'anxiety_stress',
	'insomnia',
	'hypertension',
	'prenatal',
	'general_wellness',
	'other'
] as const;

export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_LABELS: Record<Condition, string> = {
	chronic_low_back_pain: 'Chronic low back pain',
	neck_pain: 'Neck pain',
	shoulder: 'Shoulder',
	tension_headache: 'Tension headache',
	fibromyalgia: 'Fibromyalgia',
	osteoarthritis: 'Osteoarthritis',
	repetitive_strain: 'Repetitive strain',
	sports_injury: 'Sports injury',
	mva_injury: 'Motor-vehicle injury',
	post_surgical: 'Post-surgical',
	anxiety_stress: 'Anxiety / stress',
	insomnia: 'Insomnia',
	hypertension: 'Hypertension',
	prenatal: 'Prenatal',
	general_wellness: 'General wellness',
	other: 'Other'
};
