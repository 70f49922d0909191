import type * as Plot from '@observablehq/plot';

/** Session-number ticks that stay legible at 360 px: every session when there is room, else every second or more. */
export function sessionTicks(last: number, width: number): number[] {
	const step = Math.max(1, Math.ceil(last / Math.max(2, Math.floor(width / 28))));
	return Array.from({ length: last }, (_, i) => i + 1).filter((s) => (s - 1) % step === 0);
}

/** The x axis of a chart by session number, from session 1 to `last`, for a chart `width` pixels wide. */
export function sessionAxis(last: number, width: number): Plot.ScaleOptions {
	return { label: 'Session number', labelOffset: 36, domain: [1, last], ticks: sessionTicks(last, width), tickFormat: 'd' };
}

/**
 * The shown points of a chart drawn as lines, in session order: a line through them joins the sessions shown with
 * straight segments, across any hidden session between them, and never passes through a hidden value.
 */
export function shownInOrder<P extends { session: number }>(points: readonly P[], shown: (point: P) => boolean): P[] {
	return points.filter(shown).sort((a, b) => a.session - b.session);
}
