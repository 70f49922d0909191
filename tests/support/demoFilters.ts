import fc from 'fast-check';
import type { OutcomeFilter } from '$lib/queries';

/** The demo data's values, for random filters. */
export const DEMO_CONDITIONS = ['chronic_low_back_pain', 'neck_pain', 'shoulder', 'tension_headache', 'fibromyalgia', 'hypertension', 'other', 'prenatal', 'insomnia'];
export const DEMO_TECHNIQUES = ['swedish', 'deep_tissue', 'trigger_point', 'myofascial_release', 'hydrotherapy', 'lymphatic_drainage'];
export const DEMO_THERAPISTS = Array.from({ length: 12 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
export const DEMO_CLINICS = ['north', 'central', 'west'];
export const DEMO_MONTHS = Array.from({ length: 24 }, (_, i) => {
	const d = new Date(Date.UTC(2024, 10 + i, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
});

/**
 * Random filter combinations over the demo data's values, from none to several of every kind, often narrow enough to
 * make small groups. `therapists: false` leaves the therapist filter empty.
 */
export function demoFilters(options: { therapists?: boolean } = {}): fc.Arbitrary<OutcomeFilter> {
	return fc.record({
		from: fc.option(fc.constantFrom(...DEMO_MONTHS), { nil: null }),
		to: fc.option(fc.constantFrom(...DEMO_MONTHS), { nil: null }),
		conditions: fc.subarray(DEMO_CONDITIONS, { maxLength: 3 }),
		techniques: fc.subarray(DEMO_TECHNIQUES, { maxLength: 3 }),
		therapists: options.therapists === false ? fc.constant([]) : fc.subarray(DEMO_THERAPISTS, { maxLength: 4 }),
		clinics: fc.subarray(DEMO_CLINICS, { maxLength: 2 })
	});
}
