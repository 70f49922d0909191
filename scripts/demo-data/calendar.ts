/** Dates as whole days since the first day of the demo window, in UTC so no time zone can shift them. */
const MS_PER_DAY = 86_400_000;
const FIRST_DAY_MS = Date.UTC(2024, 10, 1);

export const FIRST_DATE = '2024-11-01';
export const LAST_DATE = '2026-10-31';
/** Day number of LAST_DATE: the window is 730 days, 24 months. */
export const LAST_DAY = (Date.UTC(2026, 9, 31) - FIRST_DAY_MS) / MS_PER_DAY;

export function isoDate(day: number): string {
	return new Date(FIRST_DAY_MS + day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isSunday(day: number): boolean {
	return new Date(FIRST_DAY_MS + day * MS_PER_DAY).getUTCDay() === 0;
}
