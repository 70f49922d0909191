import { ALL_TECHNIQUES } from '$lib/queries';
import { techniqueColor } from './techniqueColors';

export interface LegendEntry {
	/** The technique's code. */
	code: string;
	label: string;
	color: string;
	/** Drawn in colour (every entry, but in a trend: see trendLegend); otherwise a light grey context line. */
	highlighted?: boolean;
	/** Techniques pooled into one line ("Other techniques"): not a technique one can pick. */
	pooled?: boolean;
}

/** The techniques a chart draws (at least one point shown), in label order, with their fixed colours. */
export function techniqueLegend(
	rows: readonly { technique: string; suppressed: boolean }[],
	techniqueLabel: (code: string) => string
): LegendEntry[] {
	const codes = new Set(rows.filter((r) => !r.suppressed && r.technique !== ALL_TECHNIQUES).map((r) => r.technique));
	return [...codes]
		.map((code) => ({ code, label: techniqueLabel(code), color: techniqueColor(code) }))
		.sort((a, b) => a.label.localeCompare(b.label));
}
