/**
 * One colour per technique, fixed by code so a technique looks the same in every chart, filter and dataset
 * (Observable 10 palette). The month's overall line is drawn in the text colour instead.
 */
const COLORS: Record<string, string> = {
	deep_tissue: '#4269d0',
	trigger_point: '#efb118',
	myofascial_release: '#ff725c',
	swedish: '#6cc5b0',
	sports: '#3ca951',
	lymphatic_drainage: '#ff8ab7',
	prenatal: '#a463f2',
	stretching_pnf: '#97bbf5',
	hydrotherapy: '#9c6b4e',
	remedial_exercise: '#9498a0',
	other: '#4b5563'
};

const UNKNOWN = '#6b7280';

export function techniqueColor(code: string): string {
	return COLORS[code] ?? UNKNOWN;
}
