import { ALL_TECHNIQUES, OTHER_TECHNIQUES } from '$lib/queries';
import { techniqueColor } from './techniqueColors';
import type { LegendEntry } from './techniqueLegend';

/** How many techniques a trend draws in colour when none is picked. */
export const COLOURED_TECHNIQUES = 3;

/** The grey of a context line (the tone of "other" in each theme), drawn light. */
export const CONTEXT_COLOUR = techniqueColor('other');

type LegendRow = { technique: string; suppressed: boolean; clients: number | null };

/**
 * The techniques a trend draws in colour: the picked one if any, otherwise the busiest few by the clients of their
 * shown points (a rank only: clients of different months are not added up for a count). Pooled techniques stay grey.
 */
export function colouredTechniques(rows: readonly LegendRow[], picked: string | null): string[] {
	if (picked !== null) return [picked];
	const clients = new Map<string, number>();
	for (const r of rows) {
		if (r.suppressed || r.technique === ALL_TECHNIQUES || r.technique === OTHER_TECHNIQUES) continue;
		clients.set(r.technique, (clients.get(r.technique) ?? 0) + (r.clients ?? 0));
	}
	return [...clients]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, COLOURED_TECHNIQUES)
		.map(([code]) => code);
}

/**
 * A trend's legend, as it is drawn: the techniques in colour first, then the grey ones, each in label order, and
 * "Other techniques" (pooled) last. Only techniques with a point shown are listed.
 */
export function trendLegend(rows: readonly LegendRow[], techniqueLabel: (code: string) => string, picked: string | null = null): LegendEntry[] {
	const coloured = new Set(colouredTechniques(rows, picked));
	const codes = new Set(rows.filter((r) => !r.suppressed && r.technique !== ALL_TECHNIQUES).map((r) => r.technique));
	const rank = (e: LegendEntry) => (e.pooled ? 2 : e.highlighted ? 0 : 1);
	return [...codes]
		.map((code): LegendEntry => {
			const highlighted = coloured.has(code);
			const entry = { code, label: techniqueLabel(code), color: highlighted ? techniqueColor(code) : CONTEXT_COLOUR, highlighted };
			return code === OTHER_TECHNIQUES ? { ...entry, pooled: true } : entry;
		})
		.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}
