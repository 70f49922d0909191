/** Massage techniques: the controlled list a session's primary and other techniques come from. */
export const TECHNIQUES = [
	'swedish',
	'deep_tissue',
	'trigger_point',
	'myofascial_release',
	'sports',
	'lymphatic_drainage',
	'prenatal',
	'stretching_pnf',
	'hydrotherapy',
	'remedial_exercise',
	'other'
] as const;

export type Technique = (typeof TECHNIQUES)[number];

/** Labels a person reads; codes stay in the data. */
export const TECHNIQUE_LABELS: Record<Technique, string> = {
	swedish: 'Swedish (relaxation)',
	deep_tissue: 'Deep tissue',
	trigger_point: 'Trigger point',
	myofascial_release: 'Myofascial release',
	sports: 'Sports',
	lymphatic_drainage: 'Lymphatic drainage',
	prenatal: 'Prenatal',
	stretching_pnf: 'Stretching / PNF',
	hydrotherapy: 'Hydrotherapy',
	remedial_exercise: 'Remedial exercise',
	other: 'Other'
};
