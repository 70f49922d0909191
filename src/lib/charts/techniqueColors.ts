/**
 * One colour per technique, fixed by code so a technique looks the same in every chart, filter and dataset.
 * Hues follow the Observable 10 palette, darkened where needed so every line and swatch has at least 3:1
 * contrast on white (WCAG 1.4.11). The month's overall line is drawn in the text colour instead.
 */
const COLORS: Record<string, string> = {
	deep_tissue: '#4269d0',
	trigger_point: '#b07d00',
	myofascial_release: '#d9503b',
	swedish: '#23917a',
	sports: '#3ca951',
	lymphatic_drainage: '#d64a8e',
	prenatal: '#a463f2',
	stretching_pnf: '#0e7fa8',
	hydrotherapy: '#9c6b4e',
	remedial_exercise: '#7a808c',
	other: '#4b5563'
};

const UNKNOWN = '#6b7280';

export function techniqueColor(code: string): string {
	return COLORS[code] ?? UNKNOWN;
}
