import { describe, expect, it } from 'vitest';
import { MEASURES } from '$lib/queries';
import type { TherapistAnalysis, TherapistResult } from '$lib/therapists/therapistAnalysis';
import { formatDifference, funnelTitle, intervalTitle, positionText, statusText, suppressionNote } from '$lib/therapists/therapistText';

const pain = MEASURES.find((m) => m.key === 'pain')!;
const sleep = MEASURES.find((m) => m.key === 'sleep')!;
const interval = (mean: number) => ({ n: 135, mean, sd: 1.5, se: 0.13, df: 134, lower: mean - 0.26, upper: mean + 0.26, level: 0.95 });
const limits = { n: 135, lower95: -0.23, upper95: 0.23, lower998: -0.37, upper998: 0.37 };
const result = (therapist: string, mean: number, position: TherapistResult['position']): TherapistResult => ({
	therapist, n: 135, change: interval(1.2), effects: null, adjusted: interval(mean), limits, position, unstable: false
});
const analysis = (therapists: TherapistResult[], hidden: number): TherapistAnalysis => ({
	filter: { measure: 'pain', condition: 'shoulder', clinic: null }, measure: pain, k: 11, clients: 137, overall: interval(1.4),
	model: { n: 137, strata: 4, slope: 0.55, sigma: 1.36, residualDf: 132 }, therapists, hidden, empty: false
});

describe('therapists page wording', () => {
	it('names the measure in each figure’s accessible name', () => {
		expect(intervalTitle(pain)).toBe('Pain improvement (0-10) by home therapist, adjusted for case mix');
		expect(funnelTitle(sleep)).toBe('Funnel plot: sleep quality improvement (0-10) by home therapist against clients (n), adjusted for case mix');
	});

	it('words a therapist outside the limits as an association, in the right direction', () => {
		expect(positionText(result('T07', 0.48, 'outside'))).toBe('Outside the expected range: clients improved more than expected for their case mix');
		expect(positionText(result('T03', -0.46, 'outside'))).toBe('Outside the expected range: clients improved less than expected for their case mix');
		expect(positionText(result('T01', 0.25, 'beyond95'))).toMatch(/^Within the expected range \(outside the 95% limits/);
		expect(positionText(result('T02', -0.08, 'within'))).toBe('Within the expected range');
		for (const text of [positionText(result('T07', 0.48, 'outside')), suppressionNote(analysis([], 4))]) expect(text).not.toMatch(/caus|effect of/i);
	});

	it('says how many therapists are hidden, never which', () => {
		expect(suppressionNote(analysis([result('T01', 0, 'within')], 4))).toBe(
			'4 therapists are hidden to protect privacy: fewer than 11 clients, or hidden so that another’s figures cannot be worked out from the clinic’s.'
		);
		expect(suppressionNote(analysis([result('T01', 0, 'within')], 0))).toBe('Therapists with fewer than 11 clients are hidden to protect privacy; none in this view.');
		expect(suppressionNote({ ...analysis([], 9), clients: null })).toBe('Fewer than 11 clients in this selection: hidden to protect privacy.');
	});

	it('announces the selection and how many are outside the range', () => {
		expect(statusText(analysis([result('T01', 0, 'within'), result('T07', 0.48, 'outside')], 4))).toBe(
			'Showing 2 home therapists for Shoulder, all clinics; 1 outside the expected range.'
		);
		expect(formatDifference(0.477)).toBe('+0.48');
		expect(formatDifference(-0.464)).toBe('-0.46');
	});
});
