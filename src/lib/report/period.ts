import { formatMonth } from '$lib/format';

/** A report's period: one calendar month or one calendar quarter. */
export interface Period {
	kind: 'month' | 'quarter';
	/** `YYYY-MM` for a month, `YYYY-Qn` for a quarter. */
	key: string;
	/** First month included, `YYYY-MM`. */
	from: string;
	/** Last month included, `YYYY-MM`. */
	to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const pad = (month: number) => String(month).padStart(2, '0');

/** `YYYY-MM` or `YYYY-Qn` as a period; anything else is refused. */
export function parsePeriod(key: string): Period {
	const month = MONTH.exec(key);
	if (month) return { kind: 'month', key, from: key, to: key };
	const quarter = QUARTER.exec(key);
	if (!quarter) throw new Error(`invalid period: ${key} (expected YYYY-MM or YYYY-Qn)`);
	const first = (Number(quarter[2]) - 1) * 3 + 1;
	return { kind: 'quarter', key, from: `${quarter[1]}-${pad(first)}`, to: `${quarter[1]}-${pad(first + 2)}` };
}

/** The quarter a `YYYY-MM` month falls in, as `YYYY-Qn`. */
export function quarterOf(month: string): string {
	return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The month or quarter just before. */
export function previousPeriod(period: Period): Period {
	const year = Number(period.from.slice(0, 4));
	const month = Number(period.from.slice(5, 7));
	if (period.kind === 'month') return parsePeriod(month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`);
	const quarter = Math.floor((month - 1) / 3) + 1;
	return parsePeriod(quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`);
}

/** The months of a period, `YYYY-MM`, in order. */
export function periodMonths(period: Period): string[] {
	const months = [period.from];
	while (months[months.length - 1] !== period.to) {
		const [year, month] = months[months.length - 1].split('-').map(Number);
		months.push(month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`);
	}
	return months;
}

/** "Mar 2025" or "Q1 2025 (Jan–Mar)". */
export function periodLabel(period: Period): string {
	if (period.kind === 'month') return formatMonth(period.key);
	const [year, quarter] = period.key.split('-');
	return `${quarter} ${year} (${formatMonth(period.from).split(' ')[0]}–${formatMonth(period.to).split(' ')[0]})`;
}

/** What the period picker offers: the months with sessions, newest first, and the quarters they fall in. */
export interface PeriodChoices {
	months: string[];
	quarters: string[];
	/** The last month the data cover in full (the newest month, unless its last day has no sessions after it). */
	defaultKey: string | null;
}

/**
 * The picker's choices from the months that have sessions and the last session date (`YYYY-MM-DD`). The default is
 * the last full month: the newest month if the data reach its last day, otherwise the month before it.
 */
export function periodChoices(monthsWithSessions: readonly string[], lastDate: string | null): PeriodChoices {
	const months = [...new Set(monthsWithSessions)].sort().reverse();
	const quarters = [...new Set(months.map(quarterOf))];
	if (months.length === 0 || !lastDate) return { months, quarters, defaultKey: null };
	const newest = months[0];
	const lastDay = new Date(Date.UTC(Number(newest.slice(0, 4)), Number(newest.slice(5, 7)), 0)).getUTCDate();
	const complete = lastDate >= `${newest}-${pad(lastDay)}`;
	return { months, quarters, defaultKey: complete || months.length === 1 ? newest : months[1] };
}
