import { describe, expect, it } from 'vitest';
import { STATISTICS, statistic } from '$lib/domain/statistics';

const REQUIRED = [
	'within_session_change', 'across_course_change', 'mean_ci', 'd_z', 'd_av', 'd_s', 'g_s', 'responder_rate', 'reliable_change',
	'ancova', 'holm', 'benjamini_hochberg', 'unstable', 'suppression', 'funnel_plot', 'mdc', 'percent_of_normal'
];

describe('statistics glossary', () => {
	it('defines every statistic the pages show, once, with meaning, formula and source', () => {
		for (const key of REQUIRED) expect(statistic(key).key).toBe(key);
		expect(new Set(STATISTICS.map((s) => s.key)).size).toBe(STATISTICS.length);
		for (const s of STATISTICS) for (const field of [s.name, s.meaning, s.formula, s.source]) expect(field.length, s.key).toBeGreaterThan(4);
	});

	it('cites the sources', () => {
		expect(statistic('d_z').source).toContain('Lakens 2013');
		expect(statistic('responder_rate').source).toContain('Wilson 1927');
		expect(statistic('reliable_change').source).toContain('Jacobson & Truax 1991');
		expect(statistic('ancova').meaning).toContain('associations in observational data, not effects');
		expect(statistic('funnel_plot').source).toContain('Spiegelhalter 2005');
	});

	it('refuses an unknown key', () => {
		expect(() => statistic('d_q')).toThrow('invalid statistic: d_q');
	});
});
