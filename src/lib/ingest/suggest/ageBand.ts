import { AGE_BANDS } from '$lib/schema/client';

export type AgeBand = (typeof AGE_BANDS)[number];

/** Each band's youngest and oldest age. */
const BOUNDS: readonly [AgeBand, number, number][] = AGE_BANDS.map((band) => {
	const [low, high] = band.split(/[-+]/);
	return [band, Number(low), high ? Number(high) : Infinity];
});

/** The youngest and oldest age a value names: "40-49", "40 to 49", "40s", "80+", "85 and over", "47", "47 years". */
function ageRange(value: string): [number, number] | null {
	const t = value.trim().toLowerCase().replace(/[\u2010-\u2015]/g, '-');
	let m = /^(\d{1,3})\s*(?:-|to)\s*(\d{1,3})(?:\s*(?:y|yrs?|years?))?$/.exec(t);
	if (m) return [Number(m[1]), Number(m[2])];
	m = /^(\d{1,3})\s*(?:\+|plus|and (?:over|older|up)|or (?:over|older))$/.exec(t) ?? /^(?:over|above)\s*(\d{1,3})$/.exec(t);
	if (m) return [Number(m[1]), Infinity];
	m = /^(\d)0\s*'?s$/.exec(t);
	if (m) return [Number(m[1]) * 10, Number(m[1]) * 10 + 9];
	m = /^(\d{1,3})(?:\s*(?:y|yrs?|years?)(?:\s*old)?)?$/.exec(t);
	if (m) return [Number(m[1]), Number(m[1])];
	return null;
}

/**
 * The app's 10-year band for a file's age or age band, or null: a whole-number age goes to its band (80 and
 * over to 80+), a band only when it lies inside one of ours ("20-29" → 18-29, not "25-34"); under 18 never.
 */
export function ageBandOf(value: string): AgeBand | null {
	const range = ageRange(value);
	if (!range) return null;
	const [low, high] = range;
	if (low > high || low < 18 || (high !== Infinity && high > 120)) return null;
	const band = BOUNDS.find(([, from, to]) => low >= from && high <= to);
	return band ? band[0] : null;
}
