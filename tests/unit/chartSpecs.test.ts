import { describe, expect, it } from 'vitest';
import { ChartSpecs } from '$lib/charts/chartSpecs';

describe('ChartSpecs', () => {
	it('keeps a chart spec while what it draws is unchanged, per chart', () => {
		const specs = new ChartSpecs<() => string>();
		let made = 0;
		const make = (text: string) => () => {
			made++;
			return () => text;
		};
		const pain = specs.get('pain', '[1,2]', make('pain 1'));
		expect(specs.get('pain', '[1,2]', make('pain again'))).toBe(pain);
		expect(specs.get('stress', '[1,2]', make('stress'))()).toBe('stress');
		const changed = specs.get('pain', '[1,3]', make('pain 2'));
		expect(changed).not.toBe(pain);
		expect(changed()).toBe('pain 2');
		expect(made).toBe(3);
	});
});
