import { describe, expect, it } from 'vitest';
import { crossFilters, effectivePicks, NO_PICKS } from '$lib/overview/crossFilter';
import { NO_FILTER } from '$lib/queries';

describe('cross-filtering', () => {
	const base = { ...NO_FILTER, from: '2025-01', clinics: ['C1'] };

	it('filters everything but its own chart by a pick', () => {
		const filters = crossFilters(base, { technique: 'deep_tissue', condition: 'neck_pain' });
		expect(filters.kpis).toEqual({ ...base, techniques: ['deep_tissue'], conditions: ['neck_pain'] });
		// The trend charts are split by technique: the technique pick is highlighted there, not filtered.
		expect(filters.trends).toEqual({ ...base, conditions: ['neck_pain'] });
		expect(filters.conditions).toEqual({ ...base, techniques: ['deep_tissue'] });
	});

	it('is the filter bar alone without picks', () => {
		const filters = crossFilters(base, NO_PICKS);
		expect(filters).toEqual({ kpis: base, trends: base, conditions: base });
	});

	it('drops a pick the filter bar has left out of the view', () => {
		const filter = { ...base, techniques: ['swedish', 'sports'], conditions: ['neck_pain'] };
		expect(effectivePicks(filter, { technique: 'deep_tissue', condition: 'insomnia' })).toEqual(NO_PICKS);
		expect(effectivePicks(filter, { technique: 'sports', condition: 'neck_pain' })).toEqual({ technique: 'sports', condition: 'neck_pain' });
		expect(crossFilters(filter, { technique: 'deep_tissue', condition: null }).kpis.techniques).toEqual(['swedish', 'sports']);
	});
});
