import { describe, expect, it } from 'vitest';
import { STATISTICS, statistic } from '$lib/domain/statistics';
import { glossaryEntry, MEASURE_DEFINITIONS } from '$lib/measures';

const REQUIRED = [
	'within_session_change', 'across_course_change', 'mean_ci', 'd_z', 'd_av', 'd_s', 'g_s', 'responder_rate', 'reliable_change',
	'ancova', 'holm', 'benjamini_hochberg', 'unstable', 'suppression', 'funnel_plot', 'mdc', 'percent_of_normal'
];

describe('statistics glossary', () => {
	it('defines every term the pages explain, once, with meaning, formula and source', () => {
		for (const key of REQUIRED) expect(glossaryEntry(key).key).toBe(key);
		const keys = [...STATISTICS.map((s) => s.key), ...MEASURE_DEFINITIONS.map((m) => m.key)];
		// A measure is defined in the semantic layer, a statistic in domain/statistics.ts: never both.
		expect(new Set(keys).size).toBe(keys.length);
		for (const s of [...STATISTICS, ...MEASURE_DEFINITIONS]) for (const field of [s.name, s.meaning, s.formula, s.source]) expect(field.length, s.key).toBeGreaterThan(4);
	});

	it('cites the sources, and never a file outside the repository', () => {
		expect(glossaryEntry('d_z').source).toContain('Lakens 2013');
		expect(glossaryEntry('responder_rate').source).toContain('Wilson 1927');
		expect(glossaryEntry('reliable_change').source).toContain('Jacobson & Truax 1991');
		expect(glossaryEntry('ancova').meaning).toContain('associations in observational data, not effects');
		expect(glossaryEntry('funnel_plot').source).toContain('Spiegelhalter 2005');
		for (const s of [...STATISTICS, ...MEASURE_DEFINITIONS]) expect(JSON.stringify(s), s.key).not.toMatch(/domain\.md|bootstrap/);
	});

	it('refuses an unknown key', () => {
		expect(() => statistic('d_q')).toThrow('invalid statistic: d_q');
		expect(() => glossaryEntry('d_q')).toThrow('invalid statistic: d_q');
	});
});
