import { instrument, type Instrument } from '$lib/domain/instruments';
import { withinSessionChangeSql } from './withinSession';

/** The four outcomes the overview charts, each tied to its instrument and its columns in `session_facts`. */
export interface Measure {
	key: 'pain' | 'stress' | 'sleep' | 'rom';
	instrument: Instrument;
	/** Chart title; also the figure's accessible name. */
	title: string;
	/** y-axis label. */
	axisLabel: string;
	preColumn: string;
	postColumn: string;
	/** A column holding the within-session change from paired measurements, where post - pre of means is wrong. */
	changeColumn?: string;
	/** y-axis domain for scores before or after a session. */
	domain: [number, number];
}

export const MEASURES: readonly Measure[] = [
	{ key: 'pain', instrument: instrument('pain_nrs'), title: 'Pain (0-10) by technique', axisLabel: 'Pain (0-10, lower is better)', preColumn: 'pain_pre', postColumn: 'pain_post', domain: [0, 10] },
	{ key: 'stress', instrument: instrument('stress_nrs'), title: 'Stress (0-10) by technique', axisLabel: 'Stress (0-10, lower is better)', preColumn: 'stress_pre', postColumn: 'stress_post', domain: [0, 10] },
	{ key: 'sleep', instrument: instrument('sleep_nrs'), title: 'Sleep quality (0-10) by technique', axisLabel: 'Sleep quality (0-10, higher is better)', preColumn: 'sleep_pre', postColumn: 'sleep_post', domain: [0, 10] },
	{ key: 'rom', instrument: instrument('rom'), title: 'Range of motion (% of normal) by technique', axisLabel: 'Range of motion (% of normal)', preColumn: 'rom_pct_pre', postColumn: 'rom_pct_post', changeColumn: 'rom_pct_change', domain: [0, 100] }
];

/** Which score of a session the trend charts show. */
export type Timepoint = 'pre' | 'post' | 'change';

export const TIMEPOINT_LABELS: Record<Timepoint, string> = {
	pre: 'Before the session',
	post: 'After the session',
	change: 'Improvement within the session'
};

/**
 * SQL expression for a measure at a timepoint: its score before or after the session, or its within-session change
 * (withinSessionChangeSql, improvement positive). Only column names from MEASURES reach this text, never user input.
 */
export function measureExpression(measure: Measure, timepoint: Timepoint): string {
	if (timepoint === 'pre') return measure.preColumn;
	if (timepoint === 'post') return measure.postColumn;
	return withinSessionChangeSql(measure);
}
