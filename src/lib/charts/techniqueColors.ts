/**
 * One colour per technique, fixed by code so a technique looks the same in every chart, filter and dataset.
 *
 * The hues are the Okabe-Ito palette (Okabe & Ito 2008; Wong, Nature Methods 8:441, 2011), which stays
 * distinguishable under the common colour-vision deficiencies. Its black is not used: the overall line is drawn in
 * the text colour. Each hue has a tone for the light theme and one for the dark theme, so every line and swatch
 * has at least 3:1 contrast on its chart's background (WCAG 1.4.11): Okabe-Ito's own value where it reaches that,
 * else darkened (light theme) or lightened (dark theme) in the same hue. The most used techniques get the seven
 * hues; "other" is a neutral grey. The palette has no more hues to give, so the three least used techniques reuse a
 * hue in a darker tone (light theme) or a lighter one (dark theme): told apart by lightness, and always by name in
 * the legend, the tooltip and the table.
 *
 * A chart gets `var(--technique-<code>, <light tone>)`; the layout defines the variables on <html> from
 * `techniqueColorVariables()`, each a `light-dark()` that follows the page's colour scheme.
 */
export const TECHNIQUE_PALETTE: Record<string, { light: string; dark: string }> = {
	swedish: { light: '#0072b2', dark: '#0072b2' }, // blue
	myofascial_release: { light: '#d55e00', dark: '#d55e00' }, // vermillion
	trigger_point: { light: '#009e73', dark: '#009e73' }, // bluish green
	deep_tissue: { light: '#cc79a7', dark: '#cc79a7' }, // reddish purple
	hydrotherapy: { light: '#a86f00', dark: '#e69f00' }, // orange
	stretching_pnf: { light: '#3d93d6', dark: '#56b4e9' }, // sky blue
	prenatal: { light: '#8a7f00', dark: '#f0e442' }, // yellow
	other: { light: '#6b7280', dark: '#9d9d9d' }, // neutral grey
	sports: { light: '#b04d00', dark: '#ff9a5c' }, // vermillion, second tone
	lymphatic_drainage: { light: '#00795a', dark: '#5fd3ae' }, // bluish green, second tone
	remedial_exercise: { light: '#9e4f7e', dark: '#e7a6cb' } // reddish purple, second tone
};

/** For a code outside the list: the neutral grey of "other". */
const UNKNOWN = 'other';

function variableName(code: string): string {
	return `--technique-${code.replace(/[^a-z0-9_-]/gi, '-')}`;
}

/** The technique's colour, as a CSS variable with the light tone as its fallback (e.g. in a saved SVG). */
export function techniqueColor(code: string): string {
	const known = code in TECHNIQUE_PALETTE ? code : UNKNOWN;
	return `var(${variableName(known)}, ${TECHNIQUE_PALETTE[known].light})`;
}

/** Every technique's colour variable and its value, `light-dark(light tone, dark tone)`. */
export function techniqueColorVariables(): [name: string, value: string][] {
	return Object.entries(TECHNIQUE_PALETTE).map(([code, tone]) => [variableName(code), `light-dark(${tone.light}, ${tone.dark})`]);
}
